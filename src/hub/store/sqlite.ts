import Database from 'better-sqlite3';

let nativeBinding: string | undefined;

/**
 * Chooses SQLite's native module for every database the hub opens: the Electron app passes its Electron build
 * (src/main/nativeBinding.ts), plain Node keeps better-sqlite3's own. better-sqlite3 takes it per connection, and a
 * connection opened without it loads the Node build, which throws inside Electron: so every open goes through here.
 * The hub itself never knows which runtime it is in.
 */
export function useNativeBinding(path: string | undefined): void {
  nativeBinding = path;
}

/** Opens a SQLite database with the chosen native module. */
export function openSqlite(file: string | Buffer, options: Database.Options = {}): Database.Database {
  return new Database(file, nativeBinding === undefined ? options : { ...options, nativeBinding });
}

/**
 * Loads the native module on an in-memory database first. A module built for another runtime throws at the first
 * open; on the real file that would look like a damaged database and move a good one aside.
 */
export function checkNativeModule(): void {
  try {
    openSqlite(':memory:').close();
  } catch (error) {
    const which = nativeBinding ?? "better-sqlite3's own build";
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`SQLite's native module could not be loaded (${which}): ${reason}`, { cause: error });
  }
}
