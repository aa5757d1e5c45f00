import { spawn } from 'node:child_process';

/**
 * Each phase of the bench runs in its own Node process: a phase that throws, or dies from an uncaught error in a
 * browser callback, or hangs on to a browser, cannot take the other phases with it. The run prints every phase's
 * figures and exits non-zero at the end when one failed. Nothing here looks at a number.
 */

const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let stoppedBy = null;

/** The signal that stopped this phase from outside, or null. Playwright closes its browsers on one. */
export function stopSignal() {
  return stoppedBy;
}

const why = (error) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** In the phase's own process: runs `phase`, and on any failure prints "phase NAME failed: why" and exits 1. */
export async function runPhase(name, phase) {
  const fail = (error) => {
    console.log(`phase ${name} failed: ${stoppedBy ? `stopped by ${stoppedBy}; ` : ''}${why(error)}`);
    process.exit(1);
  };
  process.on('uncaughtException', fail);
  process.on('unhandledRejection', fail);
  for (const signal of STOP_SIGNALS)
    process.on(signal, () => {
      stoppedBy = signal;
      // Playwright closes its browsers on the signal, so the phase fails on its next call; if it does not, stop.
      setTimeout(() => fail(new Error('did not end after the signal')), 15_000);
    });
  try {
    await phase();
  } catch (error) {
    fail(error);
  }
  if (stoppedBy) fail(new Error('the phase ended early'));
  process.exit(0);
}

function runChild(script, name, onChild) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, '--phase', name], { stdio: 'inherit' });
    onChild(child);
    child.once('exit', (code, signal) => resolve(signal ? `killed by ${signal}` : code === 0 ? null : `exit ${code}`));
  });
}

/**
 * Runs the named phases one after the other, each as `node SCRIPT --phase NAME`. Returns the names that failed. A
 * signal to the runner goes on to the running phase and no further phase starts.
 */
export async function runPhases(script, names) {
  const failed = [];
  let current = null;
  let stopped = null;
  const forward = (signal) => {
    stopped = signal;
    current?.kill(signal);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, forward);
  for (const name of names) {
    if (stopped) {
      console.log(`phase ${name} not run: the bench was stopped by ${stopped}`);
      failed.push(name);
      continue;
    }
    const result = await runChild(script, name, (child) => (current = child));
    current = null;
    if (!result) continue;
    // Exit 1 is a failure the phase printed itself; anything else (a kill, Playwright's exit on SIGINT) is said here.
    if (result !== 'exit 1') console.log(`phase ${name} failed: ${result}${stopped ? ` (stopped by ${stopped})` : ''}`);
    failed.push(name);
  }
  for (const signal of STOP_SIGNALS) process.off(signal, forward);
  console.log(
    failed.length ? `bench: phase(s) failed: ${failed.join(', ')}` : `bench: all ${names.length} phase(s) ran`,
  );
  return failed;
}
