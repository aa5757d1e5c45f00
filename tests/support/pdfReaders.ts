import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/** Runs one of poppler's tools (Debian: poppler-utils) on the file, as a reader of the PDF would. */
export function poppler(tool: 'pdfinfo' | 'pdffonts' | 'pdftotext', pdf: Buffer, args: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-read-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const tail = tool === 'pdftotext' ? [file, '-'] : [file];
    return execFileSync(tool, [...args, ...tail], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** One element of the structure tree as `pdfinfo -struct-text` prints it: its type, depth and the text inside. */
export interface StructLine {
  depth: number;
  type: string;
  text: string;
  scope?: string;
}

/**
 * The structure tree from `pdfinfo -struct-text`: one entry per element, with the text of the lines that follow it
 * (quoted lines) and its /Scope attribute where it has one.
 */
export function structure(pdf: Buffer): StructLine[] {
  const out: StructLine[] = [];
  for (const line of poppler('pdfinfo', pdf, ['-struct-text']).split('\n')) {
    const indent = line.length - line.trimStart().length;
    const body = line.trim();
    if (!body) continue;
    const quoted = /^"([\s\S]*)"$/.exec(body);
    const last = out[out.length - 1];
    if (quoted) {
      if (last) last.text += quoted[1]!;
    } else if (body.startsWith('/Scope')) {
      if (last) last.scope = body.split(/\s+/)[1]!.replace('/', '');
    } else if (!body.startsWith('/')) {
      out.push({ depth: indent / 2, type: body.replace(/[:\s].*$/, ''), text: '' });
    }
  }
  return out;
}

/** A node of the structure tree as pdf.js (the reader in Firefox) gives it, with the Alt text it reads out. */
export interface StructNode {
  role: string;
  alt?: string;
  children?: (StructNode | { type: string })[];
}

/** Every structure element of every page, depth first, as pdf.js reads them. */
export async function structureNodes(pdf: Buffer): Promise<StructNode[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const nodes: StructNode[] = [];
  const walk = (node: StructNode | { type: string }): void => {
    if (!('role' in node)) return;
    nodes.push(node);
    node.children?.forEach(walk);
  };
  try {
    for (let i = 1; i <= doc.numPages; i++) {
      const tree = (await (await doc.getPage(i)).getStructTree()) as unknown as StructNode | null;
      if (tree) walk(tree);
    }
  } finally {
    await doc.destroy();
  }
  return nodes;
}

/**
 * Painting operators (text, fills, strokes) that stand outside every marked-content section of the page contents:
 * content a screen reader would meet untagged. PDF/UA wants none: each is either in the structure or an artifact.
 */
export function untaggedPainting(pageContents: string[]): string[] {
  const found: string[] = [];
  for (const stream of pageContents) {
    let depth = 0;
    // Strings may hold anything; drop them before reading operators.
    const ops = stream.replace(/\((?:\\.|[^\\)])*\)/g, '()').replace(/<[0-9a-fA-F\s]*>/g, '<>');
    for (const token of ops.split(/\s+/)) {
      if (token === 'BDC' || token === 'BMC') depth++;
      else if (token === 'EMC') depth--;
      else if (depth === 0 && /^(Tj|TJ|'|"|f|f\*|F|S|s|B|B\*|b|b\*|Do|sh)$/.test(token)) found.push(token);
    }
  }
  return found;
}
