/**
 * Fixtures are deep-frozen, so code under test that mutates its input throws (in strict mode, which ES
 * modules are) instead of quietly changing what the next test sees. Typed arrays cannot be frozen and
 * Maps/Sets stay writable; both are left as they are.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value) || ArrayBuffer.isView(value)) return value;
  if (value instanceof ArrayBuffer || value instanceof Map || value instanceof Set) return value;
  for (const key of Reflect.ownKeys(value)) deepFreeze((value as Record<string | symbol, unknown>)[key]);
  return Object.freeze(value);
}
