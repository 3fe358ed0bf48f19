import type { LabelSelector, Labels } from '../model/types';
import { isPlaceholderKey } from './solveSelector';

const PREFERRED_KEYS = ['kubernetes.io/metadata.name', 'app.kubernetes.io/name', 'app', 'k8s-app', 'name', 'component', 'tier', 'role'];

function rank(key: string): number {
  const r = PREFERRED_KEYS.indexOf(key);
  return r < 0 ? PREFERRED_KEYS.length : r;
}

const tail = (key: string) => key.slice(key.lastIndexOf('/') + 1);

/** Lower-case letters, digits and single dashes, at most 40 characters: a valid DNS-1123 label. */
function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

/**
 * A readable name for labels solved from `selector`: the values (well-known keys
 * such as `app` first; the key itself for a placeholder of `Exists`), then
 * `not-<values>` per `NotIn` and `no-<key>` per `DoesNotExist`, so `app=db`
 * gives `db`; `fallback` when nothing is left (the empty selector).
 */
export function inferredName(selector: LabelSelector, labels: Labels, fallback: string): string {
  const keys = Object.keys(labels).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const parts = keys.map((k) => (isPlaceholderKey(selector, k) ? tail(k) : labels[k]));
  for (const req of selector.matchExpressions) {
    if (req.operator === 'NotIn') parts.push(`not-${req.values.join('-')}`);
    if (req.operator === 'DoesNotExist') parts.push(`no-${tail(req.key)}`);
  }
  return slug(parts.join('-')) || fallback;
}
