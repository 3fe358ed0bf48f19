import { isRawMap, type RawMap } from '../decode/decodeContext';
import type { SourceFile } from '../model/types';
import { appendObject, editObject } from './editObject';
import type { PolicyChange } from './planAllowFlow';

type EditChange = Exclude<PolicyChange, { kind: 'create' }>;

/** Applies one rule or spec change to a policy as written (mutating `policy`, a parsed copy), and returns it. */
export function editPolicy(policy: RawMap, change: EditChange): RawMap {
  if (change.kind === 'replace-spec') {
    policy.spec = change.spec;
    return policy;
  }
  const spec = isRawMap(policy.spec) ? policy.spec : (policy.spec = {});
  const rules = Array.isArray(spec[change.direction]) ? (spec[change.direction] as unknown[]) : (spec[change.direction] = []);
  if (change.kind === 'add-rule') rules.push(change.rule);
  else if (change.rule) rules[change.ruleIndex] = change.rule;
  else rules.splice(change.ruleIndex, 1);
  return policy;
}

function refOf(id: string) {
  const [namespace, name] = id.split('/');
  return { kind: 'NetworkPolicy', namespace, name };
}

/**
 * Applies planned policy changes to the workspace files: a rule is appended,
 * replaced or removed, or a spec replaced, in the document that holds its policy
 * (the rest of the file is untouched); a new policy is appended to the file of the workload it selects.
 */
export function applyPolicyChanges(files: readonly SourceFile[], changes: readonly PolicyChange[], fileOfWorkload: (id: string) => string | undefined): SourceFile[] {
  return changes.reduce<SourceFile[]>(
    (acc, change) =>
      change.kind === 'create'
        ? appendObject(acc, change.manifest, fileOfWorkload(change.nearWorkload))
        : editObject(acc, refOf(change.policy), (raw) => editPolicy(raw, change)),
    [...files],
  );
}
