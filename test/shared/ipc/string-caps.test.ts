/**
 * Every text a channel accepts has a length cap (a request carrying a 30-million-character reason was
 * once stored as it came). Walks each channel's input schema in shared/ipc/contract.ts through zod 4's
 * definitions and fails on any string without a maximum, naming the channel and the field.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { requests } from '../../../shared/ipc/contract';

type Schema = z.core.$ZodType;
type Def = { type: string; checks?: ReadonlyArray<{ _zod: { def: { check: string } } }> } & Record<string, unknown>;

/** The checks that bound a string's length (zod 4: `.max(n)` and `.length(n)`). */
const BOUNDING = new Set(['max_length', 'length_equals']);

/** Every path to a string without a maximum under `schema`. */
export function uncappedStrings(schema: Schema, path: string, seen = new Set<Schema>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = schema._zod.def as unknown as Def;
  const under = (s: unknown, p: string): string[] => uncappedStrings(s as Schema, p, seen);
  switch (def.type) {
    case 'string':
      return (def.checks ?? []).some((c) => BOUNDING.has(c._zod.def.check)) ? [] : [path];
    case 'object': {
      const shape = def['shape'] as Record<string, unknown>;
      return [...Object.entries(shape).flatMap(([k, v]) => under(v, `${path}.${k}`)), ...(def['catchall'] ? under(def['catchall'], `${path}.*`) : [])];
    }
    case 'array': return under(def['element'], `${path}[]`);
    case 'optional': case 'nullable': case 'default': case 'prefault': case 'readonly': case 'nonoptional': case 'catch':
      return under(def['innerType'], path);
    case 'union': return (def['options'] as unknown[]).flatMap((o, i) => under(o, `${path}|${i}`));
    case 'intersection': return [...under(def['left'], path), ...under(def['right'], path)];
    case 'pipe': return [...under(def['in'], path), ...under(def['out'], path)];
    case 'record': return [...under(def['keyType'], `${path}{key}`), ...under(def['valueType'], `${path}{}`)];
    case 'tuple': return [...(def['items'] as unknown[]).flatMap((o, i) => under(o, `${path}[${i}]`)), ...(def['rest'] ? under(def['rest'], path) : [])];
    case 'lazy': return under((def['getter'] as () => unknown)(), path);
    default: return [];
  }
}

describe('every text of the IPC contract has a maximum', () => {
  it('no channel accepts a string without a length cap', () => {
    const found = Object.entries(requests).flatMap(([channel, spec]) => uncappedStrings(spec.input as unknown as Schema, channel));
    expect(found).toEqual([]);
  });

  it('the walk finds an uncapped string where there is one (so the check above can fail)', async () => {
    const { z: zod } = await import('zod');
    const schema = zod.object({ a: zod.string().max(5), b: zod.array(zod.object({ c: zod.string().nullable() })), d: zod.union([zod.string().length(2), zod.string()]) });
    expect(uncappedStrings(schema as unknown as Schema, 'x')).toEqual(['x.b[].c', 'x.d|1']);
  });
});
