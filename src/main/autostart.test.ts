import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { autostartCommand, autostartEntry, autostartFile, linuxStartAtLogin, loginItemOptions } from './autostart';

describe('the command that starts the app at login', () => {
  it('an AppImage starts from its own file, not from the folder it mounts for one run', () => {
    const command = autostartCommand({
      packaged: true,
      execPath: '/tmp/.mount_IdealeXyz/de-ideale-ambtenaar',
      appPath: '/tmp/.mount_IdealeXyz/resources/app.asar',
      appImage: '/home/org/Apps/De Ideale Ambtenaar-0.1.0.AppImage',
    });
    expect(command).toEqual(['/home/org/Apps/De Ideale Ambtenaar-0.1.0.AppImage']);
  });

  it('an installed app starts from its executable; an unpackaged one from Electron with the project folder', () => {
    expect(autostartCommand({ packaged: true, execPath: '/opt/ideale/de-ideale-ambtenaar', appPath: 'x' })).toEqual([
      '/opt/ideale/de-ideale-ambtenaar',
    ]);
    expect(
      autostartCommand({ packaged: false, execPath: '/p/node_modules/electron/dist/electron', appPath: '/p' }),
    ).toEqual(['/p/node_modules/electron/dist/electron', '/p']);
  });

  it('on Windows the login item carries the project folder of an unpackaged app', () => {
    expect(loginItemOptions(true, { packaged: false, execPath: 'C:\\p\\electron.exe', appPath: 'C:\\p' })).toEqual({
      openAtLogin: true,
      path: 'C:\\p\\electron.exe',
      args: ['C:\\p'],
    });
    expect(loginItemOptions(false, { packaged: true, execPath: 'C:\\I\\Ideale.exe', appPath: '' })).toEqual({
      openAtLogin: false,
      path: 'C:\\I\\Ideale.exe',
      args: [],
    });
  });
});

describe('the XDG autostart entry', () => {
  it('is a desktop entry that runs the command, quoted as the spec asks', () => {
    const entry = autostartEntry('De Ideale Ambtenaar', ['/home/org/Apps/De Ideale $pecial "1" 100%.AppImage']);
    expect(entry.split('\n')).toEqual([
      '[Desktop Entry]',
      'Type=Application',
      'Version=1.0',
      'Name=De Ideale Ambtenaar',
      'Comment=Starts the kiosk when you log in',
      'Exec="/home/org/Apps/De Ideale \\\\$pecial \\\\"1\\\\" 100%%.AppImage"',
      'Terminal=false',
      'X-GNOME-Autostart-enabled=true',
      '',
    ]);
  });

  it('leaves plain arguments unquoted', () => {
    expect(autostartEntry('X', ['/opt/x/app', '/p'])).toContain('\nExec=/opt/x/app /p\n');
  });

  it('a line break in a path cannot add a line to the entry', () => {
    expect(() => autostartEntry('X', ['/opt/x\nHidden=true'])).toThrow(/line break/);
  });

  it('lives in XDG_CONFIG_HOME/autostart, else in ~/.config/autostart', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: '/cfg' }, '/home/org', 'nl.x')).toBe('/cfg/autostart/nl.x.desktop');
    expect(autostartFile({}, '/home/org', 'nl.x')).toBe('/home/org/.config/autostart/nl.x.desktop');
    expect(autostartFile({ XDG_CONFIG_HOME: 'relative' }, '/home/org', 'nl.x')).toBe(
      '/home/org/.config/autostart/nl.x.desktop',
    );
  });
});

describe('switching start at login on Linux', () => {
  let home: string;
  beforeEach(() => (home = mkdtempSync(join(tmpdir(), 'ideale-autostart-'))));
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('writes the entry when switched on and removes it when switched off; off by default', () => {
    const file = join(home, '.config/autostart/nl.x.desktop');
    const item = linuxStartAtLogin(file, 'X', ['/opt/x/app']);
    expect(item.isEnabled()).toBe(false);
    item.setEnabled(true);
    expect(readFileSync(file, 'utf8')).toContain('Exec=/opt/x/app');
    expect(item.isEnabled()).toBe(true);
    item.setEnabled(false);
    expect(existsSync(file)).toBe(false);
    item.setEnabled(false);
    expect(item.isEnabled()).toBe(false);
  });
});
