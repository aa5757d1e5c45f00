/**
 * What the program around the hub can do for it beyond serving pages. The Electron app (src/main) fills it in;
 * the hub alone (`npm run hub`) has none of it, and the console shows such a setting as needing the app. The hub
 * never imports Electron: it only calls what it is given.
 */
export interface HostCapabilities {
  /** Start the app when the computer starts (a login item, or an autostart entry on Linux). */
  startAtLogin?: {
    isEnabled(): boolean;
    setEnabled(enabled: boolean): void;
  };
}
