import { describe, expect, it } from 'vitest';
import { describeLoss, isLoss, stampLossLines, type LossRecord } from './losses';

const AT = Date.UTC(2026, 1, 6, 9, 17);
const base: LossRecord = {
  at: AT,
  kind: 'fewer',
  lost: 200,
  expected: 200,
  found: 0,
  keptAs: null,
  until: null,
  refused: 0,
  reason: 'the database holds 0 answers, 200 recorded before',
};
const failed: LossRecord = {
  ...base,
  kind: 'write-failed',
  expected: null,
  found: null,
  until: AT + 7 * 60_000,
  refused: 30,
  lost: 4,
};

describe('a loss told to a person', () => {
  it('says when, what and how many, in the event time zone, in Dutch and English', () => {
    expect(describeLoss(base, 'nl', 'Europe/Amsterdam')).toBe(
      '2026-02-06 10:17: de database had nog 0 van de 200 antwoorden die eerder waren geteld: 200 antwoorden verloren.',
    );
    expect(describeLoss(base, 'en', 'Europe/Amsterdam')).toBe(
      '2026-02-06 10:17: the database held 0 of the 200 answers counted before: 200 answers lost.',
    );
    expect(describeLoss(failed, 'nl', 'Europe/Amsterdam')).toBe(
      '2026-02-06 10:17 tot 10:24: 30 antwoorden konden niet worden opgeslagen (schijf vol of map niet beschrijfbaar); 4 daarvan ontbreken nog.',
    );
    expect(describeLoss({ ...failed, lost: 0, until: AT }, 'en', 'UTC')).toBe(
      '2026-02-06 09:17: 30 answers could not be stored (disk full or folder not writable); all of them were stored later.',
    );
    const cut: LossRecord = { ...base, kind: 'wal-cut', lost: null, expected: null, found: 199, keptAs: 'x.damaged-1' };
    expect(describeLoss(cut, 'en', 'UTC')).toMatch(
      /write-ahead log .* cut short; 199 answers were kept.*x\.damaged-1: an unknown number of answers lost\.$/,
    );
  });

  it('counts as a loss only what is (or may be) missing; the stamp says so, or says none is recorded', () => {
    expect(isLoss(base)).toBe(true);
    expect(isLoss({ ...failed, lost: 0 })).toBe(false);
    expect(isLoss({ ...base, kind: 'record-unreadable', lost: null })).toBe(true);
    expect(stampLossLines([], 'UTC')).toEqual(['geen vastgelegd']);
    const lines = stampLossLines([base, { ...failed, lost: 0 }], 'UTC');
    expect(lines[0]).toMatch(/^LET OP: .*200 antwoorden verloren\.$/);
    expect(lines[1]).toMatch(/^2026-02-06 09:17 tot 09:24: .*allemaal alsnog opgeslagen\.$/);
  });
});
