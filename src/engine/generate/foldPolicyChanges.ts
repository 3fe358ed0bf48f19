import type { PolicyChange } from './planAllowFlow';

/** The changes with every rule added to a policy the same list creates folded into that policy's manifest: one `create` per new policy. */
export function foldPolicyChanges(changes: readonly PolicyChange[]): PolicyChange[] {
  const created = new Map<string, Record<string, unknown>>();
  const out: PolicyChange[] = [];
  for (const change of changes) {
    if (change.kind === 'create') {
      const manifest = JSON.parse(JSON.stringify(change.manifest)) as Record<string, unknown>;
      created.set(change.policy, manifest);
      out.push({ ...change, manifest });
      continue;
    }
    const manifest = created.get(change.policy);
    if (change.kind !== 'add-rule' || manifest === undefined) {
      out.push(change);
      continue;
    }
    const spec = manifest.spec as Record<string, unknown>;
    const rules = Array.isArray(spec[change.direction]) ? (spec[change.direction] as unknown[]) : [];
    spec[change.direction] = [...rules, change.rule];
  }
  return out;
}
