/** The most characters of a value a message quotes. */
export const QUOTE_MAX = 200;

/**
 * Appends the JSON text of `value` to `out` until it holds `max` characters: visits only what it writes, so a
 * value whose YAML aliases expand to millions of nodes costs no more than a short one.
 */
function write(value: unknown, out: string[], budget: { left: number }): void {
  if (budget.left <= 0) return;
  const push = (text: string) => {
    out.push(text.length > budget.left ? text.slice(0, budget.left) : text);
    budget.left -= text.length;
  };
  if (typeof value === 'string') push(JSON.stringify(value.length > budget.left ? value.slice(0, budget.left) : value));
  else if (typeof value === 'number' || typeof value === 'boolean' || value === null) push(String(value));
  else if (Array.isArray(value)) {
    push('[');
    for (let i = 0; i < value.length && budget.left > 0; i++) {
      if (i > 0) push(',');
      write(value[i], out, budget);
    }
    push(']');
  } else if (typeof value === 'object') {
    push('{');
    let isFirst = true;
    for (const key in value) {
      if (budget.left <= 0) break;
      if (!Object.hasOwn(value, key)) continue;
      if (!isFirst) push(',');
      isFirst = false;
      push(`${JSON.stringify(key.length > budget.left ? key.slice(0, budget.left) : key)}:`);
      write((value as Record<string, unknown>)[key], out, budget);
    }
    push('}');
  } else push(typeof value);
}

/** `value` as JSON for a message, cut to at most {@link QUOTE_MAX} characters (then `…`); never throws and never walks more than it shows. */
export function quoteValue(value: unknown): string {
  const out: string[] = [];
  const budget = { left: QUOTE_MAX + 1 };
  write(value, out, budget);
  const text = out.join('');
  return text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text;
}
