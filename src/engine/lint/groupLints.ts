import type { Severity } from '../model/types';
import type { Lint } from './lint';

/** Findings of one code about one object (their first), shown as one entry with a count. */
export interface LintGroup {
  key: string;
  code: string;
  severity: Severity;
  /** The object every finding of the group names first. */
  object: string;
  lints: Lint[];
}

/** Groups findings by code and first object, in the order of each group's first finding (a 200-rule policy is one entry per code). */
export function groupLints(lints: readonly Lint[]): LintGroup[] {
  const groups = new Map<string, LintGroup>();
  for (const lint of lints) {
    const object = lint.objects[0] ?? '';
    const key = `${lint.code} ${object}`;
    const group = groups.get(key);
    if (group) group.lints.push(lint);
    else groups.set(key, { key, code: lint.code, severity: lint.severity, object, lints: [lint] });
  }
  return [...groups.values()];
}
