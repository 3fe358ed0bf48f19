import { describe, expect, it } from 'vitest';
import type { CanvasNode } from '../../store/graph/buildGraph';
import { nodeBounds } from './nodeBounds';

const node = (id: string, x: number, y: number, width: number, height: number, parentId?: string) => ({ id, position: { x, y }, width, height, parentId, data: {} }) as unknown as CanvasNode;

describe('nodeBounds', () => {
  const nodes = [node('ns:shop', 100, 50, 500, 300), node('shop/api', 20, 40, 200, 100, 'ns:shop'), node('ext', -300, 600, 150, 60)];

  it('holds every node, cards at their frame’s position plus their own', () => {
    expect(nodeBounds(nodes, null)).toEqual({ x: -300, y: 50, width: 900, height: 610 });
  });

  it('holds only the nodes asked for', () => {
    expect(nodeBounds(nodes, new Set(['shop/api']))).toEqual({ x: 120, y: 90, width: 200, height: 100 });
    expect(nodeBounds(nodes, new Set(['gone']))).toBeNull();
    expect(nodeBounds([], null)).toBeNull();
  });
});
