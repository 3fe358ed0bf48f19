import { describe, expect, it } from 'vitest';
import type { Issue } from '../../engine';
import { fieldIssues, labelIssueMessages, parseWorkloadId } from './fieldIssues';

const issue = (path: string, message = 'bad', code = 'x'): Issue => ({ severity: 'error', code, message, file: 'a.yaml', object: 'Deployment shop/api', path });

describe('fieldIssues', () => {
  it('keeps the issues of one object at a field or below it, not at a sibling with the same prefix', () => {
    const issues = [issue('spec.template.metadata.labels'), issue('spec.template.metadata.labelsX'), issue('spec.template.spec.containers[0].ports[1].name')];
    expect(fieldIssues(issues, 'Deployment shop/api', 'spec.template.metadata.labels')).toEqual([issues[0]]);
    expect(fieldIssues(issues, 'Deployment shop/api', 'spec.template.spec.containers[0].ports')).toEqual([issues[2]]);
    expect(fieldIssues(issues, 'Deployment shop/db', 'spec.template.metadata.labels')).toEqual([]);
  });

  it('finds the label issues that name a key', () => {
    const issues = [
      issue('metadata.labels', '"bad key" is not a valid label key', 'label-key'),
      issue('metadata.labels.n', 'must be a string'),
      issue('metadata.labels', 'spec.selector does not match {"bad key":"x"}', 'workload-selector-mismatch'),
    ];
    expect(labelIssueMessages(issues, 'metadata.labels', 'bad key')).toEqual(['"bad key" is not a valid label key']);
    expect(labelIssueMessages(issues, 'metadata.labels', 'n')).toEqual(['must be a string']);
  });
});

describe('parseWorkloadId', () => {
  it('splits ns/name[Kind]', () => {
    expect(parseWorkloadId('shop/api[Deployment]')).toEqual({ namespace: 'shop', name: 'api', kind: 'Deployment' });
    expect(parseWorkloadId('nonsense')).toBeUndefined();
  });
});
