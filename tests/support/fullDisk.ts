import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { SurveyResponse } from '../../src/core/response';
import type { ResponseStore } from '../../src/hub/store/responseStore';

/**
 * Makes the hub's disk "full" through its own connection, so that each of `answers` is refused: the file may not
 * grow past the pages it has (max_page_count), the room left in its pages is taken by a filler table, and the room
 * left beside the stored answers by rehearsal copies of `answers` (rehearsal answers are never exported), until
 * none of them fits. Without that last step an answer or two still fits in a page's slack, and which ones depends
 * on their length. Returns what frees the disk again.
 */
export function fillDisk(db: Database.Database, store: ResponseStore, answers: readonly SurveyResponse[]): () => void {
  db.exec('CREATE TABLE IF NOT EXISTS disk_filler (x BLOB)');
  db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`);
  const insert = db.prepare('INSERT INTO disk_filler VALUES (randomblob(?))');
  for (let size = 4096; size >= 1;) {
    try {
      insert.run(size);
    } catch {
      size = Math.floor(size / 2);
    }
  }
  for (const answer of answers) {
    for (;;) {
      try {
        store.insert({ ...answer, id: randomUUID() }, Date.now(), { round: null, rehearsal: true });
      } catch {
        break;
      }
    }
  }
  return () => void db.pragma('max_page_count = 1073741823');
}
