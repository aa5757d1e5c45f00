import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, posix } from 'node:path';

/**
 * "Start with the computer": on Windows and macOS Electron's login item; on Linux an XDG autostart desktop entry,
 * which every desktop that follows the freedesktop.org spec (GNOME, KDE, Xfce…) starts at login. What to run and
 * what to write are pure functions; only `linuxStartAtLogin` touches the disk.
 */

/** Facts about how this copy of the app runs. */
export interface LaunchFacts {
  packaged: boolean;
  /** process.execPath: the installed app, or Electron itself when unpackaged. */
  execPath: string;
  /** app.getAppPath(): the project folder of an unpackaged app. */
  appPath: string;
  /** process.env.APPIMAGE: an AppImage runs from a folder mounted for one run, so login must start the file. */
  appImage?: string;
}

/** The command line that starts this copy of the app again. */
export function autostartCommand(facts: LaunchFacts): string[] {
  if (facts.packaged && facts.appImage) return [facts.appImage];
  return facts.packaged ? [facts.execPath] : [facts.execPath, facts.appPath];
}

/** Electron's app.setLoginItemSettings options (`path` and `args` count on Windows; macOS ignores them). */
export function loginItemOptions(
  enabled: boolean,
  facts: LaunchFacts,
): { openAtLogin: boolean; path: string; args: string[] } {
  const [path, ...args] = autostartCommand(facts);
  return { openAtLogin: enabled, path: path!, args };
}

const RESERVED = /[\s"'\\><~|&;$*?#()`]/;

/** One argument of an Exec key: quoted when it holds a reserved character, then escaped as a string value. */
function execArgument(arg: string): string {
  if (/[\r\n]/.test(arg)) throw new Error('a path with a line break cannot go into a desktop entry');
  const quoted = RESERVED.test(arg) ? `"${arg.replace(/["`$\\]/g, (c) => `\\${c}`)}"` : arg;
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%');
}

/** The autostart desktop entry (Desktop Entry Specification 1.0) that runs `command` at login. */
export function autostartEntry(name: string, command: readonly string[]): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.0',
    `Name=${name.replace(/[\r\n]/g, ' ')}`,
    'Comment=Starts the kiosk when you log in',
    `Exec=${command.map(execArgument).join(' ')}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** $XDG_CONFIG_HOME/autostart/<id>.desktop; the spec says to ignore a relative XDG_CONFIG_HOME. */
export function autostartFile(env: Record<string, string | undefined>, home: string, id: string): string {
  const config =
    env.XDG_CONFIG_HOME && isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : posix.join(home, '.config');
  return posix.join(config, 'autostart', `${id}.desktop`);
}

/** What the hub's console switches; the same shape on every platform. */
export interface StartAtLogin {
  isEnabled(): boolean;
  setEnabled(enabled: boolean): void;
}

/** On Linux: the entry is there (switched on) or not (off, the default). Written whole, then renamed into place. */
export function linuxStartAtLogin(file: string, name: string, command: readonly string[]): StartAtLogin {
  return {
    isEnabled: () => existsSync(file),
    setEnabled: (enabled) => {
      if (!enabled) {
        rmSync(file, { force: true });
        return;
      }
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.partial`, autostartEntry(name, command));
      renameSync(`${file}.partial`, file);
    },
  };
}
