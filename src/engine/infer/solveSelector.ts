import type { LabelSelector, Labels } from '../model/types';
import { matchesSelector } from '../selectors/matchesSelector';

/** The value given to a key a selector only requires to exist (`Exists`), unless a `NotIn` excludes it. */
export const PLACEHOLDER_VALUE = 'any';

interface KeyConstraint {
  /** Values the key may take (matchLabels and `In`, intersected); undefined when any value will do. */
  allowed?: string[];
  mustExist: boolean;
  mustNotExist: boolean;
  excluded: Set<string>;
}

function constraintsOf(selector: LabelSelector): Map<string, KeyConstraint> {
  const byKey = new Map<string, KeyConstraint>();
  const of = (key: string) => {
    let c = byKey.get(key);
    if (!c) byKey.set(key, (c = { mustExist: false, mustNotExist: false, excluded: new Set() }));
    return c;
  };
  const restrict = (c: KeyConstraint, values: readonly string[]) => {
    c.allowed = c.allowed === undefined ? [...values] : c.allowed.filter((v) => values.includes(v));
    c.mustExist = true;
  };
  for (const [key, value] of Object.entries(selector.matchLabels)) restrict(of(key), [value]);
  for (const req of selector.matchExpressions) {
    const c = of(req.key);
    if (req.operator === 'In') restrict(c, req.values);
    else if (req.operator === 'Exists') c.mustExist = true;
    else if (req.operator === 'DoesNotExist') c.mustNotExist = true;
    else for (const v of req.values) c.excluded.add(v);
  }
  return byKey;
}

/** A value not in `excluded`: `any`, else `any-2`, `any-3`, … */
function placeholder(excluded: ReadonlySet<string>): string {
  let value = PLACEHOLDER_VALUE;
  for (let n = 2; excluded.has(value); n++) value = `${PLACEHOLDER_VALUE}-${n}`;
  return value;
}

/**
 * The fewest labels that satisfy `selector`, or undefined when none can
 * (contradictory requirements such as `In [a]` with `NotIn [a]`):
 * 1. `matchLabels` and `In`: the first allowed value no `NotIn` excludes;
 * 2. `Exists`: the placeholder value `any` (or `any-2`, … when excluded);
 * 3. `NotIn` and `DoesNotExist` alone: the key is left out, which satisfies both.
 */
export function solveSelector(selector: LabelSelector): Labels | undefined {
  const labels: Record<string, string> = {};
  for (const [key, c] of constraintsOf(selector)) {
    if (!c.mustExist) continue;
    if (c.mustNotExist) return undefined;
    if (c.allowed === undefined) {
      labels[key] = placeholder(c.excluded);
      continue;
    }
    const value = c.allowed.find((v) => !c.excluded.has(v));
    if (value === undefined) return undefined;
    labels[key] = value;
  }
  return matchesSelector(selector, labels) ? labels : undefined;
}

/** True when only the placeholder of `Exists` gave `key` its value (no `matchLabels` or `In` names one). */
export function isPlaceholderKey(selector: LabelSelector, key: string): boolean {
  return !Object.hasOwn(selector.matchLabels, key) && !selector.matchExpressions.some((r) => r.key === key && r.operator === 'In');
}
