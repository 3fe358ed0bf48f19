import { describe, expect, it } from 'vitest';
import { analyze, type SourceFile } from '../engine';
import { manifest } from '../engine/testing/manifest';
import { summarise } from './analysisJobs';
import { decodeSummary, encodeSummary } from './summaryDelta';

const pod = (name: string) => manifest.pod(name, 'shop', `app: ${name}`);
const deny = manifest.networkPolicy('deny', 'shop', '{podSelector: {}, policyTypes: [Ingress]}');
const summaryOf = (text: string, previous?: ReturnType<typeof analyze>) => {
  const files: SourceFile[] = [{ name: 'a.yaml', text }];
  const analysis = analyze(files, previous ? { previous } : {});
  return { analysis, summary: summarise(analysis, files) };
};

describe('summary deltas', () => {
  it('read back equal to the summary, with the objects of the base kept and only new ones sent', () => {
    const before = summaryOf([pod('web'), pod('api'), deny].join('---\n'));
    const after = summaryOf([pod('web'), pod('api'), pod('db'), deny].join('---\n'), before.analysis);
    const base = { id: 7, summary: structuredClone(before.summary) };
    const delta = structuredClone(encodeSummary(after.summary, 8, { id: 7, summary: before.summary }));
    expect(delta.model.workloads.map((w) => (typeof w === 'number' ? w : 'sent'))).toEqual([0, 1, 'sent']);
    const read = decodeSummary(delta, base);
    expect(read).toEqual(after.summary);
    expect(read.model.workloads[0]).toBe(base.summary.model.workloads[0]);
    expect(read.model.policies[0]).not.toBe(base.summary.model.policies[0]);
    expect(read.writtenPolicies).toEqual(after.summary.writtenPolicies);
  });

  it('sends everything without a base, and refuses a delta written against a summary the page does not hold', () => {
    const { summary } = summaryOf(pod('web'));
    expect(decodeSummary(structuredClone(encodeSummary(summary, 1, null)), null)).toEqual(summary);
    const delta = encodeSummary(summary, 2, { id: 1, summary });
    expect(() => decodeSummary(delta, null)).toThrow('written against summary 1');
    expect(() => decodeSummary(delta, { id: 5, summary })).toThrow('written against summary 1');
  });
});
