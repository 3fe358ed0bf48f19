import { isRawMap, type RawMap } from '../decode/decodeContext';
import type { SourceFile } from '../model/types';
import { dumpYaml } from '../yaml/dumpYaml';
import { parseYamlFile } from '../yaml/parseYamlFile';
import type { PolicyChange } from './planAllowFlow';

const DOCUMENT_START = /^(?=---(?:\s|$))/m;

function policyIdOf(raw: RawMap): string | undefined {
  if (raw.kind !== 'NetworkPolicy' || !isRawMap(raw.metadata)) return undefined;
  const ns = typeof raw.metadata.namespace === 'string' && raw.metadata.namespace !== '' ? raw.metadata.namespace : 'default';
  return `${ns}/${String(raw.metadata.name)}`;
}

function findPolicy(value: unknown, id: string): RawMap | undefined {
  if (!isRawMap(value)) return undefined;
  if ((value.kind ?? 'NetworkPolicy') === 'NetworkPolicy' && policyIdOf({ ...value, kind: 'NetworkPolicy' }) === id) return value;
  if (Array.isArray(value.items)) for (const item of value.items) {
    const hit = findPolicy(item, id);
    if (hit) return hit;
  }
  return undefined;
}

type RuleChange = Extract<PolicyChange, { kind: 'add-rule' | 'replace-rule' }>;

function editRules(policy: RawMap, change: RuleChange): void {
  const spec = isRawMap(policy.spec) ? policy.spec : (policy.spec = {});
  const rules = Array.isArray(spec[change.direction]) ? (spec[change.direction] as unknown[]) : (spec[change.direction] = []);
  if (change.kind === 'add-rule') rules.push(change.rule);
  else if (change.rule) rules[change.ruleIndex] = change.rule;
  else rules.splice(change.ruleIndex, 1);
}

function applyRuleChange(files: SourceFile[], change: RuleChange): SourceFile[] {
  for (const [fi, file] of files.entries()) {
    const chunks = file.text.split(DOCUMENT_START);
    for (const [ci, chunk] of chunks.entries()) {
      const docs = parseYamlFile({ name: file.name, text: chunk }).documents;
      const doc = docs.find((d) => findPolicy(d.value, change.policy));
      if (!doc) continue;
      editRules(findPolicy(doc.value, change.policy) as RawMap, change);
      chunks[ci] = `${chunk.startsWith('---') ? '---\n' : ''}${dumpYaml([doc.value])}`;
      return files.map((f, i) => (i === fi ? { ...f, text: chunks.join('') } : f));
    }
  }
  return files;
}

function applyCreate(files: SourceFile[], change: Extract<PolicyChange, { kind: 'create' }>, fileOfWorkload: (id: string) => string | undefined): SourceFile[] {
  const target = fileOfWorkload(change.nearWorkload) ?? files[0]?.name;
  const text = dumpYaml([change.manifest]);
  if (target === undefined) return [{ name: 'policies.yaml', text }];
  return files.map((f) => (f.name === target ? { ...f, text: `${f.text}${f.text === '' || f.text.endsWith('\n') ? '' : '\n'}---\n${text}` } : f));
}

/**
 * Applies planned policy changes to the workspace files: a rule is appended,
 * replaced or removed in the document that holds its policy (that document is rewritten, the rest of the
 * file is untouched); a new policy is appended to the file of the workload it selects.
 */
export function applyPolicyChanges(files: readonly SourceFile[], changes: readonly PolicyChange[], fileOfWorkload: (id: string) => string | undefined): SourceFile[] {
  return changes.reduce<SourceFile[]>((acc, change) => (change.kind === 'create' ? applyCreate(acc, change, fileOfWorkload) : applyRuleChange(acc, change)), [...files]);
}
