/**
 * IPC fuzzing (electron/ipc/dispatch.ts is the one request checker): for EVERY channel in
 * shared/ipc/channels.ts, PER_CHANNEL malformed payloads from a generator with a fixed seed – wrong
 * types, missing and extra keys, huge strings, NaN and Infinity, negative and fractional ids,
 * `__proto__` / `constructor` keys, deep nesting, arrays for objects, nulls – and invalid actor
 * envelopes. "Malformed" is decided by the contract itself: a generated payload the channel's
 * schema would accept is replaced by the next one. Each must be answered `{ ok: false }` with a
 * Danish message, dispatch must never throw, nothing may be polluted, and a dump of every table
 * (audit_log included) must be byte-identical before and after.
 */
import { seededRandom } from '../seeded-random';
import { afterAll, expect, it } from 'vitest';
import { z } from 'zod';
import { openApp } from '../../../electron/services/open-app';
import { getSettings } from '../../../electron/services/settings';
import { fixedClock } from '../../../shared/domain/dates';
import { CHANNELS } from '../../../shared/ipc/channels';
import { requests, type Channel } from '../../../shared/ipc/contract';

const SEED = 1206;
const PER_CHANNEL = 12;

const app = openApp({ file: ':memory:', mode: 'test', clock: fixedClock('2025-06-15T10:00:00Z'), log: () => {} });
afterAll(() => app.close());
const ADVISER = { adviserId: getSettings(app.ctx).advisers[0]!.id };

const random = seededRandom(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

/** The keys a channel's input names (its object shape), so a payload can be wrong in the right places. */
function keysOf(channel: Channel): string[] {
  const input = requests[channel].input as z.ZodType;
  return input instanceof z.ZodObject ? Object.keys(input.shape as object) : [];
}

const HUGE = 'æ'.repeat(2_000_000);
const BAD_NUMBERS = [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -1, 0, 1.5, -0.25, 2 ** 53 + 2, 1e308];
const BAD_VALUES: readonly unknown[] = [...BAD_NUMBERS, '', 'x', '1', HUGE, true, false, null, [], [1, 2], {}, { id: 1 }, '2025-13-45', '\u0000\u202e'];

function deep(levels: number): unknown {
  let v: unknown = { id: 1 };
  for (let i = 0; i < levels; i++) v = { input: v, id: v };
  return v;
}

function withAll(keys: readonly string[], value: () => unknown): Record<string, unknown> {
  return Object.fromEntries(keys.map((k) => [k, value()]));
}

/** The payload kinds, cycled per channel; each returns [payload, actor envelope]. */
const KINDS: ReadonlyArray<(keys: string[]) => [unknown, unknown]> = [
  () => [pick([42, 'tekst', true, Number.NaN, Number.POSITIVE_INFINITY, -1]), ADVISER],
  (keys) => [[withAll(keys, () => 1)], ADVISER],
  (keys) => [withAll(keys.length ? keys : ['id'], () => HUGE), ADVISER],
  (keys) => [withAll(keys.length ? keys : ['id'], () => pick(BAD_NUMBERS)), ADVISER],
  (keys) => [{ ...withAll(keys, () => pick(BAD_VALUES)), id: pick([-1, 1.5, -0.5, 0, Number.NaN]), caseId: pick([-7, 2.5]) }, ADVISER],
  (keys) => [JSON.parse(`{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}${keys.map((k) => `, "${k}": {"__proto__": {"polluted": true}}`).join('')}}`), ADVISER],
  (keys) => [withAll(keys.length ? keys : ['input'], () => deep(2000)), ADVISER],
  (keys) => [keys.length > 1 ? withAll(keys.slice(1), () => pick(BAD_VALUES)) : { unexpected: pick(BAD_VALUES) }, ADVISER],
  (keys) => [{ ...withAll(keys, () => pick(BAD_VALUES)), [`extra${Math.floor(random() * 100)}`]: HUGE }, ADVISER],
  (keys) => [withAll(keys.length ? keys : ['id'], () => null), ADVISER],
  (keys) => [withAll(keys.length ? keys : ['id'], () => [pick(BAD_VALUES)]), ADVISER],
  // Invalid actor envelopes: refused whatever the payload.
  (keys) => [withAll(keys, () => 1), pick([{ adviserId: -1 }, { adviserId: 1.5 }, { adviserId: '1' }, 'admin', [ADVISER], { adviserId: 1, admin: true }, { adviserId: Number.NaN }, JSON.parse('{"__proto__": {"adviserId": 1}}')])],
];

/** A malformed call for `channel`: the contract refuses the payload, or the envelope is invalid. */
function malformed(channel: Channel, n: number): [unknown, unknown] {
  const keys = keysOf(channel);
  for (let tries = 0; ; tries++) {
    const [payload, actor] = KINDS[(n + tries) % KINDS.length]!(keys);
    const envelopeValid = actor === ADVISER;
    if (!envelopeValid || !requests[channel].input.safeParse(payload ?? {}).success) return [payload, actor];
  }
}

function dumpEveryTable(): string {
  const db = app.ctx.db;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const cell = (_k: string, v: unknown) => (typeof v === 'bigint' ? v.toString() : v instanceof Uint8Array ? Buffer.from(v).toString('base64') : v);
  // Rows sorted as text: some tables have no rowid (WITHOUT ROWID, the search index).
  return JSON.stringify(tables.map((t) => [t, (db.prepare(`SELECT * FROM "${t.replaceAll('"', '""')}"`).raw().all() as unknown[]).map((r) => JSON.stringify(r, cell)).sort()]));
}

const DANISH = /\b(er|ikke|og|blev|må|skal|kan|Vælg|Forespørgslen|Ukendt)\b/;
const NOT_DANISH = /SQLITE|TypeError|RangeError|undefined|Expected|Invalid input|Required|received|stack|at Object\./;

it(`answers ${PER_CHANNEL} malformed payloads on each of the ${CHANNELS.length} channels with a Danish refusal and changes nothing`, async () => {
  console.log(`fuzz.test.ts: seed ${SEED}, ${PER_CHANNEL} payloads per channel, ${PER_CHANNEL * CHANNELS.length} in all`);
  // Something in the database first, so a change would show in the dump.
  const created = await app.dispatch('cases:create', { input: { sagsnr: '', receivedOn: '2025-03-10', channel: 'telefon', type: 'vejledning', citizen: { name: 'Åse Ørsted', address: '', phone: '', email: '', cpr: null }, representative: null, summary: 'Fuzz', description: '', status: 'modtaget', competenceReasonId: null, handling: null, closedOn: null, adviserId: null, points: [] } }, ADVISER);
  expect(created.ok).toBe(true);
  const before = dumpEveryTable();
  let sent = 0;
  for (const channel of CHANNELS) {
    for (let n = 0; n < PER_CHANNEL; n++) {
      const [payload, actor] = malformed(channel, n);
      const answer = await app.dispatch(channel, payload, actor);
      sent += 1;
      const where = `${channel} #${n}`;
      expect(answer.ok, where).toBe(false);
      if (answer.ok) continue;
      expect(answer.error.message, where).toMatch(DANISH);
      expect(answer.error.message, where).not.toMatch(NOT_DANISH);
      expect(answer.error.message.length, where).toBeLessThan(400);
    }
  }
  expect(sent).toBeGreaterThanOrEqual(1000);
  expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  expect(Object.prototype).not.toHaveProperty('polluted');
  expect(dumpEveryTable()).toBe(before);
}, 60_000);
