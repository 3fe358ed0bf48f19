import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../engine';
import { manifest } from '../../engine/testing/manifest';
import { buildGraph, type Graph } from '../../store/graph/buildGraph';
import { extendLayout } from './extendLayout';
import { layoutGraph, type Layout } from './layoutGraph';

const pod = (name: string, namespace: string) => manifest.pod(name, namespace, `app: ${name}`);
const POLICY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: { name: db, namespace: shop }
spec:
  podSelector: { matchLabels: { app: db } }
  ingress: [{ from: [{ podSelector: { matchLabels: { app: api } } }, { namespaceSelector: {} }] }]`;
const graphOf = (docs: string[]): Graph => buildGraph(analyze([{ name: 'x.yaml', text: docs.join('\n---\n') }]));

interface Box {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

function topBoxes(graph: Graph, layout: Layout): Box[] {
  return graph.nodes
    .filter((node) => node.parentId === undefined)
    .map((node) => ({ id: node.id, ...layout.positions[node.id], ...(layout.frameSizes[node.id] ?? { width: node.width ?? 0, height: node.height ?? 0 }) }));
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('extendLayout', async () => {
  const before = graphOf([pod('api', 'shop'), pod('db', 'shop'), pod('web', 'front'), pod('job', 'batch'), POLICY]);
  const layout = await layoutGraph(new ELK(), before);

  it('moves nothing when no node is new', () => {
    expect(extendLayout(layout, before).positions).toEqual(layout.positions);
  });

  it('places a new workload inside its frame, grows the frame, and leaves every placed workload where it was', () => {
    const after = graphOf([pod('api', 'shop'), pod('db', 'shop'), pod('cache', 'shop'), pod('web', 'front'), pod('job', 'batch'), POLICY]);
    const extended = extendLayout(layout, after);
    for (const id of Object.keys(layout.positions).filter((id) => id.includes('/'))) expect(extended.positions[id], id).toEqual(layout.positions[id]);
    const card = extended.positions['shop/cache[Pod]'];
    const frame = extended.frameSizes['ns:shop'];
    expect(card.x + 200).toBeLessThanOrEqual(frame.width);
    expect(card.y + 112).toBeLessThanOrEqual(frame.height);
    const boxes = topBoxes(after, extended);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false);
  });

  it('places a new namespace beside the others without overlapping them', () => {
    const after = graphOf([pod('api', 'shop'), pod('db', 'shop'), pod('web', 'front'), pod('job', 'batch'), pod('a', 'new'), pod('b', 'new'), POLICY]);
    const extended = extendLayout(layout, after);
    for (const id of Object.keys(layout.positions)) expect(extended.positions[id], id).toEqual(layout.positions[id]);
    expect(extended.positions['ns:new']).toBeDefined();
    const boxes = topBoxes(after, extended);
    for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b), `${a.id} / ${b.id}`).toBe(false);
  });

  it('fills a frame as a grid when workloads are added one at a time, not as one long column', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f'];
    let docs: string[] = [pod('first', 'grow')];
    let grown = extendLayout({ positions: {}, frameSizes: {} }, graphOf(docs));
    for (const name of names) {
      docs = [...docs, pod(name, 'grow')];
      grown = extendLayout(grown, graphOf(docs));
    }
    const cards = ['first', ...names].map((name) => grown.positions[`grow/${name}[Pod]`]);
    expect(new Set(cards.map((p) => p.x)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(cards.map((p) => `${p.x},${p.y}`)).size).toBe(cards.length);
  });
});
