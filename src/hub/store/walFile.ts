import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';

/**
 * SQLite's write-ahead log, read by hand (format: sqlite.org/fileformat2.html#walformat). SQLite replays the log
 * only up to the first frame whose checksum fails and says nothing about the rest, so a few damaged bytes in the
 * middle silently drop every later commit. This finds such a break and can rebuild the checksum chain on a copy,
 * so the commits after the break can be read again.
 */

const HEADER = 32;
const FRAME_HEADER = 24;
const MAGIC_LE = 0x377f0682;
const MAGIC_BE = 0x377f0683;

export interface WalCheck {
  /** Whole frames in the file that belong to the log's current generation (same salts). */
  frames: number;
  /** Frames SQLite will use: the valid chain up to its last commit. */
  replayed: number;
  /** Committed frames that lie after a broken checksum: SQLite would skip them. */
  skippedCommits: number;
}

interface Parsed {
  buf: Buffer;
  pageSize: number;
  bigEndian: boolean;
  salt1: number;
  salt2: number;
  frameSize: number;
  count: number;
}

function parse(buf: Buffer): Parsed | null {
  if (buf.length < HEADER) return null;
  const magic = buf.readUInt32BE(0);
  if (magic !== MAGIC_LE && magic !== MAGIC_BE) return null;
  const pageSize = buf.readUInt32BE(8);
  if (pageSize < 512 || pageSize > 65536 || (pageSize & (pageSize - 1)) !== 0) return null;
  const frameSize = FRAME_HEADER + pageSize;
  return {
    buf,
    pageSize,
    bigEndian: magic === MAGIC_BE,
    salt1: buf.readUInt32BE(16),
    salt2: buf.readUInt32BE(20),
    frameSize,
    count: Math.floor((buf.length - HEADER) / frameSize),
  };
}

/** SQLite's WAL checksum: two running 32-bit sums over pairs of words, continued from `s`. */
function checksum(buf: Buffer, start: number, end: number, bigEndian: boolean, s: [number, number]): [number, number] {
  let [s0, s1] = s;
  for (let i = start; i < end; i += 8) {
    const x0 = bigEndian ? buf.readUInt32BE(i) : buf.readUInt32LE(i);
    const x1 = bigEndian ? buf.readUInt32BE(i + 4) : buf.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

const frameAt = (wal: Parsed, i: number): number => HEADER + i * wal.frameSize;
const ownFrame = (wal: Parsed, at: number): boolean =>
  wal.buf.readUInt32BE(at + 8) === wal.salt1 &&
  wal.buf.readUInt32BE(at + 12) === wal.salt2 &&
  wal.buf.readUInt32BE(at) > 0;
const isCommit = (wal: Parsed, at: number): boolean => wal.buf.readUInt32BE(at + 4) > 0;

/** Reads the log beside `dbFile`; null when there is none or it is empty. */
export function checkWal(dbFile: string): WalCheck | null {
  const path = `${dbFile}-wal`;
  if (!existsSync(path)) return null;
  const wal = parse(readFileSync(path));
  if (!wal || wal.count === 0) return null;
  let sums = checksum(wal.buf, 0, 24, wal.bigEndian, [0, 0]);
  const headerOk = sums[0] === wal.buf.readUInt32BE(24) && sums[1] === wal.buf.readUInt32BE(28);
  let frames = 0;
  let replayed = 0;
  let skippedCommits = 0;
  let broken = !headerOk;
  for (let i = 0; i < wal.count; i++) {
    const at = frameAt(wal, i);
    if (!ownFrame(wal, at)) continue;
    frames += 1;
    if (!broken) {
      sums = checksum(wal.buf, at, at + 8, wal.bigEndian, sums);
      sums = checksum(wal.buf, at + FRAME_HEADER, at + wal.frameSize, wal.bigEndian, sums);
      broken = sums[0] !== wal.buf.readUInt32BE(at + 16) || sums[1] !== wal.buf.readUInt32BE(at + 20);
    }
    if (!isCommit(wal, at)) continue;
    if (broken) skippedCommits += 1;
    else replayed = frames;
  }
  return { frames, replayed, skippedCommits };
}

/**
 * The log with every frame of its generation chained again (the header's and each frame's checksums recomputed),
 * for a salvage copy: SQLite then replays the commits after a damaged frame. A damaged page in it is caught later,
 * when every row is read through the schema.
 */
export function rechainWal(bytes: Buffer): Buffer | null {
  const wal = parse(bytes);
  if (!wal) return null;
  const kept: Buffer[] = [Buffer.from(bytes.subarray(0, HEADER))];
  let sums = checksum(kept[0]!, 0, 24, wal.bigEndian, [0, 0]);
  kept[0]!.writeUInt32BE(sums[0], 24);
  kept[0]!.writeUInt32BE(sums[1], 28);
  for (let i = 0; i < wal.count; i++) {
    const at = frameAt(wal, i);
    if (!ownFrame(wal, at)) continue;
    const frame = Buffer.from(bytes.subarray(at, at + wal.frameSize));
    sums = checksum(frame, 0, 8, wal.bigEndian, sums);
    sums = checksum(frame, FRAME_HEADER, wal.frameSize, wal.bigEndian, sums);
    frame.writeUInt32BE(sums[0], 16);
    frame.writeUInt32BE(sums[1], 20);
    kept.push(frame);
  }
  return Buffer.concat(kept);
}

/**
 * A log whose length after its header is not a whole number of frames: something cut it (or a stop tore its last
 * write). Seen from the length alone, before SQLite opens it: once SQLite writes again it starts the log over and the
 * cut is gone. Null when the log is whole, empty or absent.
 */
export function walCutShort(dbFile: string): { extra: number; frameSize: number } | null {
  const path = `${dbFile}-wal`;
  if (!existsSync(path)) return null;
  const size = statSync(path).size;
  if (size <= HEADER) return null;
  const header = Buffer.alloc(HEADER);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, HEADER, 0);
  } finally {
    closeSync(fd);
  }
  const wal = parse(header);
  if (!wal) return null;
  const extra = (size - HEADER) % wal.frameSize;
  return extra === 0 ? null : { extra, frameSize: wal.frameSize };
}
