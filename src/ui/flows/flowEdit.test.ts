import { describe, expect, it } from 'vitest';
import { analyze, formatConnlistTxt, type SourceFile } from '../../engine';
import { manifest } from '../../engine/testing/manifest';
import threeTier from '../../../public/examples/three-tier.yaml?raw';
import { allowFlowEdit, denyFlowEdit } from './flowEdit';

const files: SourceFile[] = [{ name: 'three-tier.yaml', text: threeTier }];
const analysis = analyze(files, { inferWorkloads: true });
const FRONTEND = 'shop/frontend[Deployment]';
const API = 'shop/api[Deployment]';
const DB = 'shop/db[StatefulSet]';
const tcp = (port: number) => [{ protocol: 'TCP' as const, isProtocolDefaulted: false, port }];
const lines = (f: SourceFile[]) => formatConnlistTxt(analyze(f).connections).split('\n');

describe('allowFlowEdit', () => {
  it('allows a denied flow on the chosen port, and only that flow into the destination', () => {
    const edit = allowFlowEdit(analysis, FRONTEND, DB, tcp(5432));
    if (edit.kind !== 'edit') throw new Error(edit.message);
    expect(edit.title).toBe(`Allow ${FRONTEND} → ${DB} on TCP 5432`);
    expect(edit.descriptions.join(' ')).toContain('shop/allow-db-from-api');
    const after = edit.apply(files);
    expect(lines(after)).toContain(`${FRONTEND} => ${DB} : TCP 5432`);
    expect(lines(after).filter((l) => l.includes(`=> ${DB}`))).toEqual([`${API} => ${DB} : TCP 5432`, `${FRONTEND} => ${DB} : TCP 5432`]);
  });

  it('says so when the flow is already allowed', () => {
    expect(allowFlowEdit(analysis, API, DB, tcp(5432))).toEqual({ kind: 'none', message: `Already allowed: ${API} → ${DB} on TCP 5432. Nothing to change.` });
  });

  it('names "any other address" when an external node is an end', () => {
    const edit = allowFlowEdit(analysis, 'ext:other', DB, []);
    expect(edit.kind === 'edit' && edit.title).toBe(`Allow any other address → ${DB} on all ports`);
  });
});

describe('denyFlowEdit', () => {
  it('removes the rule that admits the flow and says which one', () => {
    const edit = denyFlowEdit(analysis, API, DB);
    if (edit.kind !== 'edit') throw new Error(edit.message);
    expect(edit.descriptions).toEqual(['Edit shop/allow-db-from-api: ingress rule 1 removed (api was all it admitted).']);
    expect(lines(edit.apply(files)).some((l) => l.includes(`${API} => ${DB}`))).toBe(false);
  });

  it('says so when the flow is already denied', () => {
    expect(denyFlowEdit(analysis, 'ns:shop', DB).kind).toBe('none');
  });
});

const pod = (name: string, labels: string, port = 80) => manifest.pod(name, 'shop', labels, { ports: `{containerPort: ${port}, name: http}` });
const DEFAULT_DENY = manifest.networkPolicy('default-deny', 'shop', '{podSelector: {}, policyTypes: [Ingress]}');

describe('plans that cannot be exact say so before Apply', () => {
  const twins: SourceFile[] = [{ name: 'c.yaml', text: [pod('client', 'app: client'), pod('web', 'app: web'), pod('web-copy', 'app: web'), pod('web-canary', 'app: web, track: canary'), DEFAULT_DENY].join('---\n') }];
  const twinAnalysis = analyze(twins, { inferWorkloads: true });

  it('allowing into a workload selects exactly it: a canary with more labels stays isolated', () => {
    const edit = allowFlowEdit(analyze([{ name: 'c.yaml', text: [pod('client', 'app: client'), pod('web', 'app: web'), pod('web-canary', 'app: web, track: canary'), DEFAULT_DENY].join('---\n') }], { inferWorkloads: true }), 'shop/client[Pod]', 'shop/web[Pod]', tcp(80));
    if (edit.kind !== 'edit') throw new Error(edit.message);
    expect(edit.sideEffects).toEqual([]);
    expect(edit.exactFix).toBeUndefined();
  });

  it('names the workload with the same labels that would gain the flow, and offers a label that makes the plan exact', () => {
    const edit = allowFlowEdit(twinAnalysis, 'shop/client[Pod]', 'shop/web[Pod]', tcp(80));
    if (edit.kind !== 'edit') throw new Error(edit.message);
    expect(edit.sideEffects).toEqual(['shop/client[Pod] → shop/web-copy[Pod]: nothing becomes TCP 80 (web-copy has exactly the labels of web, so no selector tells them apart)']);
    expect(edit.exactFix?.description).toBe('Add the label app.kubernetes.io/instance=web to web (web-copy has exactly its labels), then plan again: the plan becomes exact.');
    const labelled = edit.exactFix?.apply(twins) ?? [];
    expect(labelled[0].text).toContain('app.kubernetes.io/instance: web');
    const again = edit.exactFix?.replan(labelled);
    if (again?.kind !== 'edit') throw new Error('no plan after the label');
    expect(again.sideEffects).toEqual([]);
    const into = (f: SourceFile[], dst: string) => lines(f).filter((l) => l.includes(`=> ${dst} :`));
    expect(into(again.apply(labelled), 'shop/web[Pod]')).toEqual(['shop/client[Pod] => shop/web[Pod] : TCP 80']);
    expect(into(again.apply(labelled), 'shop/web-copy[Pod]')).toEqual([]);
  });

  it('denying a flow from an unlabelled workload names its unlabelled neighbour and offers a label', () => {
    const files: SourceFile[] = [{ name: 'c.yaml', text: [pod('job', ''), pod('cron', ''), pod('api', 'app: api')].join('---\n') }];
    const edit = denyFlowEdit(analyze(files, { inferWorkloads: true }), 'shop/job[Pod]', 'shop/api[Pod]');
    if (edit.kind !== 'edit') throw new Error(edit.message);
    expect(edit.sideEffects).toEqual(['shop/cron[Pod] → shop/api[Pod]: all becomes nothing (cron has exactly the labels of job, so no selector keeps one and leaves out the other)']);
    expect(edit.exactFix?.description).toContain('Add the label app.kubernetes.io/instance=job to job');
    const labelled = edit.exactFix?.apply(files) ?? [];
    const again = edit.exactFix?.replan(labelled);
    if (again?.kind !== 'edit') throw new Error('no plan after the label');
    expect(again.sideEffects).toEqual([]);
    const after = lines(again.apply(labelled));
    expect(after.some((l) => l.startsWith('shop/job[Pod] => shop/api[Pod]'))).toBe(false);
    expect(after).toContain('shop/cron[Pod] => shop/api[Pod] : All Connections');
  });

  it('refuses a named port the destination does not declare, saying which it declares', () => {
    const edit = allowFlowEdit(twinAnalysis, 'shop/client[Pod]', 'shop/web[Pod]', [{ protocol: 'TCP', isProtocolDefaulted: false, port: 'grpc' }]);
    expect(edit).toEqual({ kind: 'none', message: 'Cannot allow shop/client[Pod] → shop/web[Pod] on TCP grpc: web declares no TCP port named "grpc"; its named ports: TCP http (80), so a rule on it would match nothing.' });
  });
});
