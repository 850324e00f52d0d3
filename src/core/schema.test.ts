import { describe, expect, it } from 'vitest';
import {
  arrayOf,
  int,
  literal,
  nullable,
  num,
  object,
  oneOf,
  optional,
  parse,
  str,
  tuple4,
  type Infer,
} from './schema';

const point = object({
  name: str,
  kind: oneOf(['school', 'park']),
  at: tuple4,
  floors: optional(int(1, 30)),
  note: nullable(str),
  version: literal(1),
});
type Point = Infer<typeof point>;

describe('schema', () => {
  it('returns the value typed, copying only the declared fields and leaving absent optional ones out', () => {
    const r = parse(point, { name: 'a', kind: 'park', at: [1, 2, 3, 4], note: null, version: 1, extra: true });
    const expected: Point = { name: 'a', kind: 'park', at: [1, 2, 3, 4], note: null, version: 1 };
    expect(r).toEqual({ ok: true, value: expected });
    expect(r.ok && 'floors' in r.value).toBe(false);
  });

  it('says where a value is wrong and what was expected', () => {
    const base = { name: 'a', kind: 'park', at: [1, 2, 3, 4], note: null, version: 1 };
    const cases: [unknown, string][] = [
      [null, 'p: an object'],
      [{ ...base, kind: 'lake' }, 'p.kind: one of school, park'],
      [{ ...base, at: [1, 2, 3] }, 'p.at: four numbers'],
      [{ ...base, at: [1, 2, Number.NaN, 4] }, 'p.at[2]: a finite number'],
      [{ ...base, floors: 2.5 }, 'p.floors: a whole number 1–30'],
      [{ ...base, note: 7 }, 'p.note: a string'],
      [{ ...base, version: 2 }, 'p.version: 1'],
    ];
    for (const [value, message] of cases) expect(parse(point, value, 'p')).toEqual({ ok: false, error: message });
    expect(parse(arrayOf(num), 'x')).toEqual({ ok: false, error: 'value: a list' });
  });
});
