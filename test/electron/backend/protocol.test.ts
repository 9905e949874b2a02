/**
 * The backend protocol's checks (electron/backend/protocol.ts) for what encryption added: the key
 * travels as text in the `open` message, and `open-failed` carries why, so the app can offer the
 * right way out; startupErrorText has a Danish next step for each reason.
 */
import { describe, expect, it } from 'vitest';
import { DbDamagedError, DbEmptyError, DbFromFutureError, DbKeyWrongError, DbUnreadableError, type DbOpenFailure } from '../../../db/errors';
import { openFailureReason, startupErrorText } from '../../../electron/backend/host';
import { asFromBackend, asToBackend } from '../../../electron/backend/protocol';

const OPTIONS = { file: '/tmp/ombud.sqlite', mode: 'electron', appVersion: '1.0.0', actorFile: null };

describe('backend protocol', () => {
  it('takes a key as non-empty text in the open message, and nothing else', () => {
    expect(asToBackend({ type: 'open', options: { ...OPTIONS, key: 'ab'.repeat(32) } })).not.toBeNull();
    expect(asToBackend({ type: 'open', options: OPTIONS })).not.toBeNull();
    for (const key of [42, '', '   ', { hex: 'ab' }, null]) expect(asToBackend({ type: 'open', options: { ...OPTIONS, key } }), String(key)).toBeNull();
  });

  it('passes an open failure on only with a known reason', () => {
    for (const reason of ['damaged', 'empty', 'future', 'unreadable', 'key', 'other']) {
      expect(asFromBackend({ type: 'open-failed', message: 'x', reason })).not.toBeNull();
    }
    expect(asFromBackend({ type: 'open-failed', message: 'x' })).toBeNull();
    expect(asFromBackend({ type: 'open-failed', message: 'x', reason: 'beskadiget' })).toBeNull();
  });

  it('names the reason of each refusal and gives a Danish next step, never SQLite English', () => {
    const file = '/tmp/ombud.sqlite';
    const cases: Array<[unknown, DbOpenFailure, RegExp]> = [
      [new DbDamagedError(file, `${file}.beskadiget-x`, 'en side kan ikke læses'), 'damaged', /Gendan den nyeste sikkerhedskopi/],
      [new DbEmptyError(file), 'empty', /Gendan den nyeste sikkerhedskopi/],
      [new DbFromFutureError(999, 1), 'future', /Opdatér Ombud/],
      [new DbUnreadableError(file, new Error('file is not a database')), 'unreadable', /flyt filen væk/],
      [new DbKeyWrongError(file), 'key', /IT-supporten/],
      [new Error('SQLITE_IOERR: disk I/O error'), 'other', /Intet er ændret/],
    ];
    for (const [error, reason, next] of cases) {
      expect(openFailureReason(error)).toBe(reason);
      const text = startupErrorText(error, file);
      expect(text).toMatch(next);
      expect(text).not.toMatch(/SQLITE|is not a database|disk I\/O/);
    }
  });
});
