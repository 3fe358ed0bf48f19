import { describe, expect, it } from 'vitest';
import { analyze, formatConnlistTxt, type SourceFile } from '../../engine';
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
