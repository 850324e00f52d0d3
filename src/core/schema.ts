/**
 * Small schemas for data read at a boundary (JSON files, stored records, worker messages): each checks
 * an unknown value and returns it typed, or says where it is wrong. The type is inferred from the schema
 * (`Infer<typeof s>`), so a record is never cast to the type it is hoped to have.
 */
import { err, isRecord, ok, type Result } from './result';

/** Checks a value; the error is a path and what was expected ("grid.cols: a finite number"). */
export type Schema<T> = (value: unknown, path: string) => Result<T, string>;
export type Infer<S> = S extends Schema<infer T> ? T : never;

const at = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
const fail = (path: string, expected: string): Result<never, string> => err(`${path || 'value'}: ${expected}`);

export const str: Schema<string> = (v, path) => (typeof v === 'string' ? ok(v) : fail(path, 'a string'));
/** A string with at least one character. */
export const text: Schema<string> = (v, path) =>
  typeof v === 'string' && v !== '' ? ok(v) : fail(path, 'a non-empty string');
export const num: Schema<number> = (v, path) =>
  typeof v === 'number' && Number.isFinite(v) ? ok(v) : fail(path, 'a finite number');
export const bool: Schema<boolean> = (v, path) => (typeof v === 'boolean' ? ok(v) : fail(path, 'true or false'));

export const int =
  (min: number, max: number): Schema<number> =>
  (v, path) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max
      ? ok(v)
      : fail(path, `a whole number ${min}–${max}`);

export const literal =
  <const T extends string | number | boolean>(expected: T): Schema<T> =>
  (v, path) =>
    v === expected ? ok(expected) : fail(path, JSON.stringify(expected));

export const oneOf =
  <const T extends string>(values: readonly T[]): Schema<T> =>
  (v, path) => {
    const found = values.find((x) => x === v);
    return found !== undefined ? ok(found) : fail(path, `one of ${values.join(', ')}`);
  };

export const nullable =
  <T>(schema: Schema<T>): Schema<T | null> =>
  (v, path) =>
    v === null ? ok(null) : schema(v, path);

export const arrayOf =
  <T>(schema: Schema<T>): Schema<readonly T[]> =>
  (v, path) => {
    if (!Array.isArray(v)) return fail(path, 'a list');
    const out: T[] = [];
    for (const [i, item] of (v as unknown[]).entries()) {
      const r = schema(item, at(path, i));
      if (!r.ok) return r;
      out.push(r.value);
    }
    return ok(out);
  };

/** A fixed-length list of numbers ([west, south, east, north]). */
export const tuple4: Schema<readonly [number, number, number, number]> = (v, path) => {
  const r = arrayOf(num)(v, path);
  if (!r.ok) return r;
  const [a, b, c, d] = r.value;
  return a !== undefined && b !== undefined && c !== undefined && d !== undefined && r.value.length === 4
    ? ok([a, b, c, d])
    : fail(path, 'four numbers');
};

/** Marks a field optional: absent (or undefined) is allowed and left out of the result. */
export interface Optional<T> {
  readonly optional: Schema<T>;
}
export const optional = <T>(schema: Schema<T>): Optional<T> => ({ optional: schema });

type Shape = Readonly<Record<string, Schema<unknown> | Optional<unknown>>>;
type RequiredKeys<S extends Shape> = { [K in keyof S]: S[K] extends Optional<unknown> ? never : K }[keyof S];
type OptionalKeys<S extends Shape> = Exclude<keyof S, RequiredKeys<S>>;
type Flatten<T> = { readonly [K in keyof T]: T[K] };
export type ObjectOf<S extends Shape> = Flatten<
  { readonly [K in RequiredKeys<S>]: Infer<S[K]> } & {
    readonly [K in OptionalKeys<S>]?: S[K] extends Optional<infer T> ? T : never;
  }
>;

/** An object with these fields (others are ignored and not copied). */
export const object =
  <S extends Shape>(shape: S): Schema<ObjectOf<S>> =>
  (v, path) => {
    if (!isRecord(v)) return fail(path, 'an object');
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      const value = v[key];
      const isOptional = 'optional' in field;
      if (isOptional && value === undefined) continue;
      const r = (isOptional ? field.optional : field)(value, at(path, key));
      if (!r.ok) return r;
      out[key] = r.value;
    }
    return ok(out as ObjectOf<S>);
  };

/** Checks a value against a schema at the top level. */
export const parse = <T>(schema: Schema<T>, value: unknown, name = ''): Result<T, string> => schema(value, name);
