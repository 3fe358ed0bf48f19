import type { RawMap } from '../../engine';

function isMap(value: unknown): value is RawMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` inside `raw` (maps only), or undefined. */
export function getIn(raw: unknown, path: readonly string[]): unknown {
  let current: unknown = raw;
  for (const key of path) current = isMap(current) ? current[key] : undefined;
  return current;
}

/** A copy of `raw` with `value` at `path` (missing maps created; `undefined` removes the key); other keys keep their order. */
export function setIn(raw: RawMap, path: readonly string[], value: unknown): RawMap {
  const [key, ...rest] = path;
  if (key === undefined) return raw;
  if (rest.length === 0) {
    if (value !== undefined) return { ...raw, [key]: value };
    return Object.fromEntries(Object.entries(raw).filter(([k]) => k !== key));
  }
  const child = isMap(raw[key]) ? raw[key] : {};
  return { ...raw, [key]: setIn(child, rest, value) };
}
