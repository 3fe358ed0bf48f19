import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { manifest } from '../../engine/testing/manifest';
import { createAnalysisClient } from '../analysisClient';
import { edgeFacts } from './edgeFacts';

const MANIFESTS = [
  manifest.pod('web', 'shop', 'app: web'),
  manifest.pod('db', 'shop', 'app: db'),
  manifest.networkPolicy('db-from-web', 'shop', '{podSelector: {matchLabels: {app: db}}, ingress: [{from: [{podSelector: {matchLabels: {app: web}}}], ports: [{port: 5432}]}]}'),
].join('---\n');
const files = [{ name: 'shop.yaml', text: MANIFESTS }];
const WEB = 'shop/web[Pod]';
const DB = 'shop/db[Pod]';

describe('edgeFacts', () => {
  it('tells the two ends and what an allowed connection allows', () => {
    expect(edgeFacts(analyze(files), `${WEB}=>${DB}`)).toEqual({
      source: { id: WEB, isWorkload: true, name: WEB },
      target: { id: DB, isWorkload: true, name: DB },
      label: 'TCP 5432',
      connsText: 'TCP 5432',
      isPartial: false,
    });
  });

  it('names an address block by its label, and is null for a connection that is not allowed', () => {
    const facts = edgeFacts(analyze(files), `${DB}=>ext:other`);
    expect(facts?.target).toEqual({ id: 'ext:other', isWorkload: false, name: 'any other address' });
    expect(edgeFacts(analyze(files), `ext:other=>${DB}`)).toBeNull();
  });

  it('answers through the analysis worker as plain data, like the workload job', async () => {
    const client = createAnalysisClient({ useWorker: false });
    expect(await client.run('edgeFacts', 1, files, { id: `${WEB}=>${DB}` })).toEqual({ status: 'done', version: 1, result: edgeFacts(analyze(files), `${WEB}=>${DB}`) });
    const flows = await client.run('workloadFlows', 1, files, { id: DB });
    expect(flows.status === 'done' && flows.result?.ingress.map((f) => f.label)).toEqual(['TCP 5432']);
    expect(await client.run('workloadFlows', 1, files, { id: 'shop/gone[Pod]' })).toEqual({ status: 'done', version: 1, result: null });
  });
});
