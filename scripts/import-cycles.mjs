#!/usr/bin/env node
// Prints every import cycle among the modules of src/ (type-only imports count: a type cycle ties two modules
// together as much as a call does) and exits 1 when there is one. `npm run lint` runs it.
// Usage: node scripts/import-cycles.mjs [folder]   (default: src)
import fs from 'node:fs';
import path from 'node:path';

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\s[^'"`;]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx', ''];

/** The source files under `dir`, as absolute paths. */
export function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** The local modules `file` imports, resolved to files that exist. */
export function importsOf(file, source = fs.readFileSync(file, 'utf8')) {
  const found = new Set();
  for (const match of source.matchAll(IMPORT)) {
    const base = path.resolve(path.dirname(file), match[1] ?? match[2]);
    const target = EXTENSIONS.map((ext) => base + ext).find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
    if (target) found.add(target);
  }
  return [...found];
}

/** Strongly connected components of more than one module (or a module importing itself): each is a cycle. */
export function cyclesOf(graph) {
  let counter = 0;
  const index = new Map();
  const low = new Map();
  const stack = [];
  const onStack = new Set();
  const cycles = [];
  const visit = (node) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node), low.get(next)));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node), index.get(next)));
    }
    if (low.get(node) !== index.get(node)) return;
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) cycles.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const root = path.resolve(process.argv[2] ?? 'src');
  const graph = new Map(sourceFiles(root).map((file) => [file, importsOf(file)]));
  const cycles = cyclesOf(graph);
  const name = (file) => path.relative(process.cwd(), file);
  for (const cycle of cycles) console.error(`import cycle: ${cycle.map(name).join(' ↔ ')}`);
  console.log(`${graph.size} modules in ${name(root)}, ${cycles.length} import cycle${cycles.length === 1 ? '' : 's'}`);
  process.exit(cycles.length > 0 ? 1 : 0);
}
