/** Longest piece of an input string quoted in an issue message. */
const MAX_QUOTED = 60;

/**
 * A short, safe description of an input value for an issue message: a string quoted (cut at 60 characters), a number,
 * boolean or null as written, a list or an object by kind (never serialised: input may nest a million levels deep).
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > MAX_QUOTED ? `${value.slice(0, MAX_QUOTED)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : typeof value;
}
