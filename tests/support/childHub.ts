import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const HUB = join(__dirname, '../../out/main/hub.js');
export const EXPORT = join(__dirname, '../../out/main/export.js');

function built(file: string): string {
  if (!existsSync(file)) throw new Error(`run npm run build first: ${file} is missing`);
  return file;
}

/** The built hub in a child process, killed like a power cut with `kill()`. */
export interface ChildHub {
  child: ChildProcess;
  url: string;
  output: () => string;
  kill(): Promise<void>;
}

/** Starts the built hub on `dataDir` (as `uid` when given) and waits for "Hub on"; rejects with its output if it exits. */
export function spawnHub(dataDir: string, options: { uid?: number; gid?: number } = {}): Promise<ChildHub> {
  const child = spawn(process.execPath, [built(HUB), '--data', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(options.uid === undefined ? {} : { uid: options.uid, gid: options.gid ?? options.uid }),
  });
  let text = '';
  child.stdout!.on('data', (d: Buffer) => (text += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (text += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start: ${text}`)), 15_000);
    child.stdout!.on('data', () => {
      const match = /Hub on (http:\/\/[\d.]+:\d+)/.exec(text);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        child,
        url: match[1]!,
        output: () => text,
        kill: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGKILL');
          }),
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`hub exited with ${code}: ${text}`), { code, output: text }));
    });
  });
}

/** The export command as a script runs it: its exit code, what it printed, and where it was asked to write. */
export function runExportCli(
  dataDir: string,
  out: string,
  format: string,
  extra: string[] = [],
): { status: number | null; stdout: string; stderr: string; file: string } {
  const run = spawnSync(
    process.execPath,
    [built(EXPORT), '--data', dataDir, '--format', format, '--out', out, ...extra],
    {
      encoding: 'utf8',
    },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, file: out };
}
