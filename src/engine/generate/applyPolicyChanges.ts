import { isRawMap, type RawMap } from '../decode/decodeContext';
import type { SourceFile } from '../model/types';
import { appendObject, editObject } from './editObject';
import type { PolicyChange } from './planAllowFlow';

type RuleChange = Extract<PolicyChange, { kind: 'add-rule' | 'replace-rule' }>;

function editRules(policy: RawMap, change: RuleChange): RawMap {
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
 * replaced or removed in the document that holds its policy (the rest of the
 * file is untouched); a new policy is appended to the file of the workload it selects.
 */
export function applyPolicyChanges(files: readonly SourceFile[], changes: readonly PolicyChange[], fileOfWorkload: (id: string) => string | undefined): SourceFile[] {
  return changes.reduce<SourceFile[]>(
    (acc, change) =>
      change.kind === 'create'
        ? appendObject(acc, change.manifest, fileOfWorkload(change.nearWorkload))
        : editObject(acc, refOf(change.policy), (raw) => editRules(raw, change)),
    [...files],
  );
}
