import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze';
import { foldObservedFlows } from './foldObservedFlows';
import { mapObservedFlows } from './mapObservedFlows';
import { parseObservedFlows } from './parseObservedFlows';

const MODEL = analyze([{ name: 'm.yaml', text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {containers: [{name: c, image: i}]}\n' }]).model;
const line = (verdict: string, port: number) =>
  JSON.stringify({ flow: { verdict, IP: { source: '10.0.0.1', destination: '203.0.113.9' }, l4: { TCP: { destination_port: port } }, source: { namespace: 'shop', pod_name: 'web', labels: ['k8s:app=web'] }, destination: { labels: ['reserved:world'] }, traffic_direction: 'EGRESS' } });

describe('folding identical observed records', () => {
  it('keeps one flow per distinct record with how many it stands for, and maps to the same counts as the unfolded records', () => {
    const text = [line('FORWARDED', 443), line('FORWARDED', 443), line('DROPPED', 443), line('FORWARDED', 443), line('FORWARDED', 80)].join('\n');
    const { flows } = parseObservedFlows(text, 'f.json');
    const folded = foldObservedFlows(flows);
    expect(folded.map((f) => [f.verdict, f.port, f.records, f.line])).toEqual([
      ['FORWARDED', 443, 3, 1],
      ['DROPPED', 443, 1, 3],
      ['FORWARDED', 80, 1, 5],
    ]);
    expect(mapObservedFlows(MODEL, folded)).toEqual(mapObservedFlows(MODEL, flows));
  });
});
