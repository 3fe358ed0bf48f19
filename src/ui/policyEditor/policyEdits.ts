import type { LabelSelector, LabelSelectorRequirement, PolicyType, RawMap } from '../../engine';

/** A field path inside an object, e.g. `['spec', 'ingress', 0, 'from']`. */
export type FieldPath = readonly (string | number)[];

/** The two rule lists of a NetworkPolicy spec. */
export type RuleDirection = 'ingress' | 'egress';

/** The kinds of peer a rule's `from`/`to` list may hold. */
export type PeerKind = 'podSelector' | 'namespaceSelector' | 'ipBlock';

/** The four label selector operators. */
export const SELECTOR_OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

function isMap(value: unknown): value is RawMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value read as a map: itself when it is one, else empty. */
export function asMap(value: unknown): RawMap {
  return isMap(value) ? value : {};
}

/** A value read as a list: itself when it is one, else empty. */
export function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A field path written the way the engine's issues write it: `spec.ingress[0].from[1].ipBlock.cidr`. */
export function pathText(path: FieldPath): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** The value at `path`, or undefined when any step is missing. */
export function getIn(value: unknown, path: FieldPath): unknown {
  let current = value;
  for (const part of path) {
    if (typeof part === 'number') current = Array.isArray(current) ? current[part] : undefined;
    else current = isMap(current) ? current[part] : undefined;
  }
  return current;
}

/**
 * Replaces the value at `path` with `update(old)`, creating missing maps and lists on the way;
 * an update returning undefined deletes the map key or list item.
 */
export function updateIn(value: unknown, path: FieldPath, update: (old: unknown) => unknown): unknown {
  if (path.length === 0) return update(value);
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = [...asList(value)];
    const next = updateIn(list[head], rest, update);
    if (next === undefined) list.splice(head, 1);
    else list[head] = next;
    return list;
  }
  const map = { ...asMap(value) };
  const next = updateIn(map[head], rest, update);
  if (next === undefined) delete map[head];
  else map[head] = next;
  return map;
}

/** `updateIn` for a whole object, typed as a map. */
export function updateObject(raw: RawMap, path: FieldPath, update: (old: unknown) => unknown): RawMap {
  return asMap(updateIn(raw, path, update));
}

/** Sets (or, with `oldKey`, renames and sets) one `matchLabels` pair of a selector, keeping the order of the others. */
export function setMatchLabel(selector: unknown, oldKey: string | null, key: string, value: string): RawMap {
  const map = asMap(selector);
  const labels = Object.entries(asMap(map.matchLabels));
  const index = oldKey === null ? -1 : labels.findIndex(([k]) => k === oldKey);
  const kept = labels.filter(([k], i) => i === index || k !== key);
  const at = kept.findIndex(([k]) => k === oldKey);
  if (oldKey !== null && at >= 0) kept[at] = [key, value];
  else kept.push([key, value]);
  return { ...map, matchLabels: Object.fromEntries(kept) };
}

/** Removes one `matchLabels` pair; an emptied `matchLabels` is dropped. */
export function removeMatchLabel(selector: unknown, key: string): RawMap {
  const map = asMap(selector);
  const labels = Object.entries(asMap(map.matchLabels)).filter(([k]) => k !== key);
  const rest = { ...map };
  delete rest.matchLabels;
  return labels.length > 0 ? { ...rest, matchLabels: Object.fromEntries(labels) } : rest;
}

/** A key for a new label or expression that the selector does not use yet: `app`, else `key`, `key-2`, … */
export function freshLabelKey(selector: unknown): string {
  const map = asMap(selector);
  const used = new Set([...Object.keys(asMap(map.matchLabels)), ...asList(map.matchExpressions).map((e) => asMap(e).key)]);
  if (!used.has('app')) return 'app';
  for (let n = 1; ; n++) {
    const key = n === 1 ? 'key' : `key-${n}`;
    if (!used.has(key)) return key;
  }
}

/** Adds a `matchLabels` pair with a fresh key and an empty value. */
export function addMatchLabel(selector: unknown): RawMap {
  return setMatchLabel(selector, null, freshLabelKey(selector), '');
}

/** Adds a `matchExpressions` item `<fresh key> Exists`. */
export function addExpression(selector: unknown): RawMap {
  const map = asMap(selector);
  return { ...map, matchExpressions: [...asList(map.matchExpressions), { key: freshLabelKey(selector), operator: 'Exists' }] };
}

/** The fields of a `matchExpressions` item that an edit may change. */
export type ExpressionPatch = Partial<Pick<LabelSelectorRequirement, 'key' | 'values'>> & { operator?: string };

/**
 * Changes one `matchExpressions` item; switching to Exists/DoesNotExist drops its values
 * (they must be empty), switching to In/NotIn keeps them.
 */
export function setExpression(selector: unknown, index: number, patch: ExpressionPatch): RawMap {
  const map = asMap(selector);
  const expressions = [...asList(map.matchExpressions)];
  const next: RawMap = { ...asMap(expressions[index]), ...patch };
  if (next.operator === 'Exists' || next.operator === 'DoesNotExist') delete next.values;
  expressions[index] = next;
  return { ...map, matchExpressions: expressions };
}

/** Removes one `matchExpressions` item; an emptied list is dropped. */
export function removeExpression(selector: unknown, index: number): RawMap {
  const map = asMap(selector);
  const expressions = asList(map.matchExpressions).filter((_, i) => i !== index);
  const rest = { ...map };
  delete rest.matchExpressions;
  return expressions.length > 0 ? { ...rest, matchExpressions: expressions } : rest;
}

/** Splits a comma list of values (`web, api`) into its non-empty items. */
export function parseValueList(text: string): string[] {
  return text
    .split(',')
    .map((v) => v.trim())
    .filter((v) => v !== '');
}

/** A selector as written, read leniently (unknown operators and non-string values are skipped) for a live count. */
export function toLabelSelector(selector: unknown): LabelSelector {
  const map = asMap(selector);
  const matchLabels = Object.fromEntries(Object.entries(asMap(map.matchLabels)).map(([k, v]) => [k, v === null ? '' : String(v)]));
  const matchExpressions = asList(map.matchExpressions).flatMap((item): LabelSelectorRequirement[] => {
    const { key, operator, values } = asMap(item);
    if (typeof key !== 'string' || !(SELECTOR_OPERATORS as readonly unknown[]).includes(operator)) return [];
    return [{ key, operator: operator as LabelSelectorRequirement['operator'], values: asList(values).map(String) }];
  });
  return { matchLabels, matchExpressions };
}

/** The policyTypes in effect: as written, or the API server's default (Ingress, plus Egress when egress rules exist). */
export function effectivePolicyTypes(policy: RawMap): { types: PolicyType[]; isDefaulted: boolean } {
  const spec = asMap(policy.spec);
  const written = asList(spec.policyTypes);
  if (written.length > 0) return { types: (['Ingress', 'Egress'] as const).filter((t) => written.includes(t)), isDefaulted: false };
  return { types: asList(spec.egress).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'], isDefaulted: true };
}

/** Turns one policy type on or off, writing `policyTypes` explicitly (starting from the defaulted value when absent). */
export function setPolicyType(policy: RawMap, type: PolicyType, isOn: boolean): RawMap {
  const { types } = effectivePolicyTypes(policy);
  const next = (['Ingress', 'Egress'] as const).filter((t) => (t === type ? isOn : types.includes(t)));
  return updateObject(policy, ['spec', 'policyTypes'], () => next);
}

/** Appends an empty rule (any peer, any port) to `spec.ingress` or `spec.egress`. */
export function addRule(policy: RawMap, direction: RuleDirection): RawMap {
  return updateObject(policy, ['spec', direction], (rules) => [...asList(rules), {}]);
}

/** Removes one rule; an emptied list is dropped. */
export function removeRule(policy: RawMap, direction: RuleDirection, index: number): RawMap {
  return updateObject(policy, ['spec', direction], (rules) => {
    const left = asList(rules).filter((_, i) => i !== index);
    return left.length > 0 ? left : undefined;
  });
}

/** Moves one rule up (`delta` -1) or down (+1); a move past either end changes nothing. */
export function moveRule(policy: RawMap, direction: RuleDirection, index: number, delta: number): RawMap {
  const rules = asList(asMap(policy.spec)[direction]);
  const to = index + delta;
  if (to < 0 || to >= rules.length || index < 0 || index >= rules.length) return policy;
  const moved = [...rules];
  [moved[index], moved[to]] = [moved[to], moved[index]];
  return updateObject(policy, ['spec', direction], () => moved);
}

/** Appends a new peer of `kind` to a peer list: an empty selector (everything) or the ipBlock `0.0.0.0/0`. */
export function addPeer(peers: unknown, kind: PeerKind): unknown[] {
  const peer = kind === 'ipBlock' ? { ipBlock: { cidr: '0.0.0.0/0' } } : { [kind]: {} };
  return [...asList(peers), peer];
}

function selectorOnly(peer: unknown): 'podSelector' | 'namespaceSelector' | null {
  const keys = Object.keys(asMap(peer));
  return keys.length === 1 && (keys[0] === 'podSelector' || keys[0] === 'namespaceSelector') ? keys[0] : null;
}

/** True when peers `index` and `index + 1` are one podSelector-only and one namespaceSelector-only peer, so they can be joined. */
export function canJoinPeers(peers: unknown, index: number): boolean {
  const list = asList(peers);
  const a = selectorOnly(list[index]);
  const b = selectorOnly(list[index + 1]);
  return a !== null && b !== null && a !== b;
}

/** Joins peers `index` and `index + 1` into one peer with both selectors (pods matching one, in namespaces matching the other). */
export function joinPeers(peers: unknown, index: number): unknown[] {
  const list = asList(peers);
  if (!canJoinPeers(list, index)) return list;
  const joined = { ...asMap(list[index]), ...asMap(list[index + 1]) };
  const ordered = { namespaceSelector: joined.namespaceSelector, podSelector: joined.podSelector };
  return [...list.slice(0, index), ordered, ...list.slice(index + 2)];
}

/** True when peer `index` has both a podSelector and a namespaceSelector, so it can be split in two. */
export function canSplitPeer(peers: unknown, index: number): boolean {
  const peer = asMap(asList(peers)[index]);
  return peer.podSelector !== undefined && peer.namespaceSelector !== undefined && peer.ipBlock === undefined;
}

/** Splits a peer with both selectors into a podSelector peer and a namespaceSelector peer (either one matches). */
export function splitPeer(peers: unknown, index: number): unknown[] {
  const list = asList(peers);
  if (!canSplitPeer(list, index)) return list;
  const { podSelector, namespaceSelector } = asMap(list[index]);
  return [...list.slice(0, index), { podSelector }, { namespaceSelector }, ...list.slice(index + 1)];
}

/** Removes item `index` of a list; an emptied list becomes undefined (the key is dropped). */
export function removeItem(list: unknown, index: number): unknown[] | undefined {
  const left = asList(list).filter((_, i) => i !== index);
  return left.length > 0 ? left : undefined;
}

/** A port or endPort as typed: empty is absent, digits are a number, anything else is kept as text (a named port). */
export function parsePortText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** Sets one field of a `ports` entry from typed text (`port`, `endPort`) or a choice (`protocol`, empty for the default). */
export function setPortField(port: unknown, field: 'port' | 'endPort' | 'protocol', text: string): RawMap {
  const value = field === 'protocol' ? (text === '' ? undefined : text) : parsePortText(text);
  return asMap(updateIn(port, [field], () => value));
}

/** Appends a ports entry for every TCP port. */
export function addPort(ports: unknown): unknown[] {
  return [...asList(ports), { protocol: 'TCP' }];
}

/** The text a field shows for a raw value: strings and numbers as they are, anything else empty. */
export function fieldText(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** A NetworkPolicy named `new-policy` (or `new-policy-2`, … when taken) in `namespace`, selecting every pod. */
export function newPolicyManifest(namespace: string, takenNames: ReadonlySet<string>): RawMap {
  let name = 'new-policy';
  for (let n = 2; takenNames.has(name); n++) name = `new-policy-${n}`;
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name, namespace },
    spec: { podSelector: {} },
  };
}
