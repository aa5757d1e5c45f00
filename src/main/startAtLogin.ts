import { app } from 'electron';
import {
  autostartCommand,
  autostartFile,
  linuxStartAtLogin,
  loginItemOptions,
  type LaunchFacts,
  type StartAtLogin,
} from './autostart';

/** The autostart entry's file name on Linux: the app id, as in electron.builder.yml. */
const APP_ID = 'nl.ideale-ambtenaar.kiosk';

/** "Start with the computer" for this platform, handed to the hub so the console can switch it. */
export function startAtLogin(): StartAtLogin {
  const facts: LaunchFacts = {
    packaged: app.isPackaged,
    execPath: process.execPath,
    appPath: app.getAppPath(),
    appImage: process.env.APPIMAGE,
  };
  if (process.platform === 'linux')
    return linuxStartAtLogin(
      autostartFile(process.env, app.getPath('home'), APP_ID),
      'De Ideale Ambtenaar',
      autostartCommand(facts),
    );
  // Windows keys the login item by path and arguments, so it is read back with the same ones.
  const { path, args } = loginItemOptions(false, facts);
  return {
    isEnabled: () => app.getLoginItemSettings(process.platform === 'win32' ? { path, args } : undefined).openAtLogin,
    setEnabled: (enabled) => app.setLoginItemSettings(loginItemOptions(enabled, facts)),
  };
}
