/**
 * The store room: the SQLite file (opened, checked and migrated by db.ts), the responses and settings behind it
 * (responseStore.ts), the phones of audience mode, the group-committing write queue, the answer count kept beside
 * the file and the record of lost answers (losses.ts). Everything that touches the data folder starts here and is closed here.
 */
import type Database from 'better-sqlite3';
import type { SurveyResponse } from '../../core/response';
import { createPhoneStore, type PhoneStore } from '../audience/phoneStore';
import { createSourceBook, type SourceBook } from '../audience/sources';
import { createWorkshopStore, type WorkshopStore } from '../workshop/workshopStore';
import { openDatabase, type OpenReport } from './db';
import { createCountNote } from './dbFile';
import { logOpenReport } from './dbReport';
import { createLosses, type Losses } from './losses';
import { createResponseStore, type InsertMeta, type ResponseStore } from './responseStore';
import { createWriteQueue } from './writeQueue';

export interface HubStoreOptions {
  /** Folder for the SQLite file and archives. */
  dataDir: string;
  /** Opens the database read-only, as SQLite does itself for a file it may not write (tests run as root). */
  databaseReadOnly?: boolean;
  /** SQLite's native module when the runtime is not plain Node (the Electron app passes its Electron build). */
  nativeBinding?: string;
}

export interface HubStore {
  db: Database.Database;
  report: OpenReport;
  store: ResponseStore;
  phones: PhoneStore;
  sources: SourceBook;
  /** Workshop mode's workshops and participants, apart from the day's answers. */
  workshops: WorkshopStore;
  /** The record of lost answers and the writes failing now. */
  losses: Losses;
  write(response: SurveyResponse, meta: InsertMeta): Promise<{ stored: boolean; seq: number; receivedAt: number }>;
  /** Brings the answer count beside the database up to date. */
  noteCount(): void;
  /** Notes the count one last time and closes the file. */
  close(): void;
}

/**
 * Opens the data folder's database and everything kept in it; says in the log what the opening found. `now` stamps
 * the answers' arrival.
 */
export function openHubStore(options: HubStoreOptions, now: () => number, log: (line: string) => void): HubStore {
  const { db, report } = openDatabase(options.dataDir, {
    readOnly: options.databaseReadOnly,
    nativeBinding: options.nativeBinding,
  });
  logOpenReport(report, log);
  const store = createResponseStore(db);
  const count = createCountNote(options.dataDir, () => store.count(), report.writable);
  const losses = createLosses(options.dataDir, log);
  return {
    db,
    report,
    store,
    phones: createPhoneStore(db),
    sources: createSourceBook(db, store),
    workshops: createWorkshopStore(db),
    losses,
    write: createWriteQueue(store, now, {
      committed: (stored) => {
        count.add(stored);
        losses.committed();
      },
      failed: (items, error) => losses.failed(items, error),
    }),
    noteCount: count.note,
    close: () => {
      count.note();
      store.close();
    },
  };
}
