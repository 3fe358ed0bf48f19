import { REJECTED_NAME_CODES, type Analysis, type Severity } from '../../engine';

/** One name of a workload's object that the API server would reject, with the severity the engine gives it. */
export interface RejectedNameMark {
  severity: Severity;
  message: string;
}

/**
 * The issues about names the API server would reject (`metadata.name`, `metadata.namespace`, a controller owner)
 * of each workload (by id) whose own object (`Kind ns/name`) they concern, so its card can show them.
 */
export function rejectedNameMarks({ model, issues }: Pick<Analysis, 'model' | 'issues'>): Map<string, RejectedNameMark[]> {
  const marks = new Map<string, RejectedNameMark[]>();
  const rejected = issues.filter((issue) => issue.object !== undefined && REJECTED_NAME_CODES.includes(issue.code));
  if (rejected.length === 0) return marks;
  const byObject = new Map(model.workloads.map((w) => [`${w.kind} ${w.namespace}/${w.name}`, w.id]));
  for (const issue of rejected) {
    const id = byObject.get(issue.object ?? '');
    if (id === undefined) continue;
    marks.set(id, [...(marks.get(id) ?? []), { severity: issue.severity, message: issue.message }]);
  }
  return marks;
}
