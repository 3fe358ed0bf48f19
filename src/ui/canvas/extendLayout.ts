import type { Point } from '../../store/useViewStore';
import { FRAME_PADDING, GAP, type CanvasNode, type Graph } from '../../store/graph/buildGraph';
import { gridPlace, type Layout, type Size } from './layoutGraph';

const TOP_GAP = 96;

interface Box extends Point, Size {}

const overlapsX = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width;
const overlapsY = (a: Box, b: Box) => a.y < b.y + b.height && b.y < a.y + a.height;

/** Places `cards` in rows below `top` inside a frame, wrapping at `width`; returns where each goes and the bottom-right corner reached. */
function placeInRows(cards: readonly CanvasNode[], top: number, width: number, into: Record<string, Point>): Point {
  let x = FRAME_PADDING.side;
  let y = top;
  let right = 0;
  let bottom = top;
  for (const card of cards) {
    const w = card.width ?? 0;
    const h = card.height ?? 0;
    if (x > FRAME_PADDING.side && x + w > width - FRAME_PADDING.side) {
      x = FRAME_PADDING.side;
      y = bottom + GAP.y;
    }
    into[card.id] = { x, y };
    right = Math.max(right, x + w);
    bottom = Math.max(bottom, y + h);
    x += w + GAP.x;
  }
  return { x: right, y: bottom };
}

/**
 * The layout with a place for every node of `graph` it lacks, moving nothing it
 * already places: 1. a new workload goes in a new row at the bottom of its frame,
 * which grows, pushing the nodes beside and below it out of the way; 2. a new frame
 * (its cards in a grid), collapsed namespace or address block goes beside the nodes
 * of its kind: address blocks below the others on the left, the rest in a column to the right.
 */
export function extendLayout(layout: Layout, graph: Graph): Layout {
  const positions = { ...layout.positions };
  const frameSizes = { ...layout.frameSizes };
  const members = new Map<string, CanvasNode[]>();
  for (const node of graph.nodes) {
    if (node.parentId === undefined) continue;
    const list = members.get(node.parentId);
    if (list) list.push(node);
    else members.set(node.parentId, [node]);
  }
  const tops = graph.nodes.filter((node) => node.parentId === undefined);
  const boxOf = (node: CanvasNode): Box => ({ ...positions[node.id], ...(frameSizes[node.id] ?? { width: node.width ?? 0, height: node.height ?? 0 }) });

  // 1. New cards in frames that are already placed.
  for (const frame of tops) {
    const size = frameSizes[frame.id];
    if (frame.type !== 'namespace' || positions[frame.id] === undefined || size === undefined) continue;
    const cards = members.get(frame.id) ?? [];
    const fresh = cards.filter((card) => positions[card.id] === undefined);
    if (fresh.length === 0) continue;
    const bottom = cards.filter((card) => positions[card.id] !== undefined).reduce((max, card) => Math.max(max, positions[card.id].y + (card.height ?? 0)), FRAME_PADDING.top - GAP.y);
    const width = Math.max(size.width, 2 * FRAME_PADDING.side + (fresh[0].width ?? 0));
    const corner = placeInRows(fresh, bottom + GAP.y, width, positions);
    const grown = { width: Math.max(size.width, corner.x + FRAME_PADDING.side), height: Math.max(size.height, corner.y + FRAME_PADDING.bottom) };
    const before: Box = { ...positions[frame.id], ...size };
    const dw = grown.width - size.width;
    const dh = grown.height - size.height;
    frameSizes[frame.id] = grown;
    const after: Box = { ...before, ...grown };
    for (const other of tops) {
      if (other === frame || positions[other.id] === undefined) continue;
      const box = boxOf(other);
      if (dh > 0 && box.y >= before.y + before.height && overlapsX(box, after)) positions[other.id] = { ...positions[other.id], y: box.y + dh };
      if (dw > 0 && box.x >= before.x + before.width && overlapsY(box, after)) positions[other.id] = { ...positions[other.id], x: box.x + dw };
    }
  }

  // 2. New top-level nodes, beside their kind.
  const placed = tops.filter((node) => positions[node.id] !== undefined).map(boxOf);
  const externals = tops.filter((node) => node.type === 'external' && positions[node.id] !== undefined).map(boxOf);
  const right = placed.reduce((max, box) => Math.max(max, box.x + box.width + TOP_GAP), 0);
  const top = placed.reduce((min, box) => Math.min(min, box.y), Infinity);
  let nextRightY = Number.isFinite(top) ? top : 0;
  let nextExternalY = externals.reduce((max, box) => Math.max(max, box.y + box.height + GAP.y), Number.isFinite(top) ? top : 0);
  const externalX = externals.length > 0 ? Math.min(...externals.map((box) => box.x)) : placed.reduce((min, box) => Math.min(min, box.x), 0);
  for (const node of tops) {
    if (positions[node.id] !== undefined) continue;
    let size: Size = { width: node.width ?? 0, height: node.height ?? 0 };
    if (node.type === 'namespace') {
      const cards = members.get(node.id) ?? [];
      const grid = gridPlace(cards.map((card) => ({ id: card.id, size: { width: card.width ?? 0, height: card.height ?? 0 } })));
      for (const card of cards) positions[card.id] = { x: grid.positions[card.id].x + FRAME_PADDING.side, y: grid.positions[card.id].y + FRAME_PADDING.top };
      size = { width: Math.max(node.width ?? 0, grid.size.width + 2 * FRAME_PADDING.side), height: grid.size.height + FRAME_PADDING.top + FRAME_PADDING.bottom };
      frameSizes[node.id] = size;
    }
    if (node.type === 'external' && externals.length > 0) {
      positions[node.id] = { x: externalX, y: nextExternalY };
      nextExternalY += size.height + GAP.y;
    } else {
      positions[node.id] = { x: right, y: nextRightY };
      nextRightY += size.height + TOP_GAP;
    }
  }
  return { positions, frameSizes, ...(layout.fallback ? { fallback: layout.fallback } : {}) };
}
