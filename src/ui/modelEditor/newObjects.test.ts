import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { fileForNamespace, newDeployment, newNamespace, nextName } from './newObjects';
import { dumpYaml } from '../../engine';

describe('nextName', () => {
  it('takes the first free number, from 1 unless told otherwise', () => {
    expect(nextName('workload', [])).toBe('workload-1');
    expect(nextName('workload', ['workload-1', 'workload-3'])).toBe('workload-2');
    expect(nextName('allow-dns-egress', ['allow-dns-egress'], 2)).toBe('allow-dns-egress-2');
  });
});

describe('newDeployment and newNamespace', () => {
  it('make valid objects: a workload with label app=<name> in its namespace', () => {
    const analysis = analyze([{ name: 'a.yaml', text: dumpYaml([newNamespace('team'), newDeployment('workload-1', 'team')]) }]);
    expect(analysis.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    expect(analysis.model.workloads.map((w) => [w.id, w.labels])).toEqual([['team/workload-1[Deployment]', { app: 'workload-1' }]]);
  });
});

describe('fileForNamespace', () => {
  const files = [
    { name: 'a.yaml', text: 'kind: Pod\nmetadata: {name: p, namespace: x}\n' },
    { name: 'b.yaml', text: 'kind: Namespace\nmetadata: {name: y}\n' },
  ];
  it("picks the file of the namespace's first object, else the first file, else nothing", () => {
    expect(fileForNamespace(files, 'y')).toBe('b.yaml');
    expect(fileForNamespace(files, 'x')).toBe('a.yaml');
    expect(fileForNamespace(files, 'z')).toBe('a.yaml');
    expect(fileForNamespace([], 'z')).toBeUndefined();
  });
});
