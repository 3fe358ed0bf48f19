import type { LabelSelector, LabelSelectorRequirement } from '../model/types';

function requirementString(r: LabelSelectorRequirement): string {
  const values = [...r.values].sort();
  switch (r.operator) {
    case 'In':
      // `app In [x]` and `app: x` are the same requirement.
      return new Set(values).size === 1 ? `${r.key}=${values[0]}` : `${r.key} in (${values.join(',')})`;
    case 'NotIn':
      return `${r.key} notin (${values.join(',')})`;
    case 'Exists':
      return r.key;
    case 'DoesNotExist':
      return `!${r.key}`;
  }
}

/**
 * A selector's requirements as Kubernetes writes them (`app=x`, `env in (a,b)`, `!tier`), sorted by key: two selectors
 * with the same list select the same labels whatever their spelling (`matchLabels` or `In` with one value, value order).
 */
export function selectorRequirements(selector: LabelSelector | undefined): string[] {
  if (selector === undefined) return [];
  const reqs = [
    ...Object.keys(selector.matchLabels).map((key) => ({ key, text: `${key}=${selector.matchLabels[key]}` })),
    ...selector.matchExpressions.map((r) => ({ key: r.key, text: requirementString(r) })),
  ];
  return reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((r) => r.text);
}

const keys = new WeakMap<LabelSelector, string>();

/** {@link selectorRequirements} as one string (`''` for an absent or empty selector), memoised per selector object (model objects are never mutated). */
export function selectorKey(selector: LabelSelector | undefined): string {
  if (selector === undefined) return '';
  let key = keys.get(selector);
  if (key === undefined) keys.set(selector, (key = selectorRequirements(selector).join('\n')));
  return key;
}

/**
 * True when a rule's selector names exactly what a representative peer stands for (netpol-analyzer's "full match"):
 * the rule's selector is empty (it takes anything), or both have the same requirements. `representativeKey` is the
 * {@link selectorKey} of the representative's selector; an absent one stands for "any pod", which only an empty rule
 * selector names.
 */
export function isFullMatch(ruleSelector: LabelSelector, representativeKey: string): boolean {
  const key = selectorKey(ruleSelector);
  return key === '' || key === representativeKey;
}
