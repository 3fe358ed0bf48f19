import type { Point } from '../../store/useViewStore';
import { FRAME_PADDING, GAP, type CanvasNode, type Graph } from '../../store/graph/buildGraph';
import { gridPlace, TOP_GAP, type Layout, type Size } from './layoutGraph';

interface Box extends Point, Size {}

const overlapsX = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width;
const overlapsY = (a: Box, b: Box) => a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Places `fresh` cards of a frame in the first free cells of a grid (about √n columns, or as many as the frame is
 * wide), row by row from the top, skipping cells a placed card overlaps; returns the bottom-right corner reached.
 */
function placeInFreeCells(cards: readonly CanvasNode[], fresh: readonly CanvasNode[], frameWidth: number, into: Record<string, Point>): Point {
  const taken: Box[] = cards.filter((card) => into[card.id] !== undefined).map((card) => ({ ...into[card.id], width: card.width ?? 0, height: card.height ?? 0 }));
  const cellWidth = Math.max(...fresh.map((card) => card.width ?? 0)) + GAP.x;
  const cellHeight = Math.max(...fresh.map((card) => card.height ?? 0)) + GAP.y;
  const columns = Math.max(Math.ceil(Math.sqrt(cards.length)), Math.floor((frameWidth - 2 * FRAME_PADDING.side + GAP.x) / cellWidth), 1);
  const corner = taken.reduce((c, box) => ({ x: Math.max(c.x, box.x + box.width), y: Math.max(c.y, box.y + box.height) }), { x: 0, y: 0 });
  let cell = 0;
  for (const card of fresh) {
    for (;;) {
      const box: Box = { x: FRAME_PADDING.side + (cell % columns) * cellWidth, y: FRAME_PADDING.top + Math.floor(cell / columns) * cellHeight, width: card.width ?? 0, height: card.height ?? 0 };
      cell += 1;
      if (taken.some((other) => overlapsX(box, other) && overlapsY(box, other))) continue;
      into[card.id] = { x: box.x, y: box.y };
      taken.push(box);
      corner.x = Math.max(corner.x, box.x + box.width);
      corner.y = Math.max(corner.y, box.y + box.height);
      break;
    }
  }
  return corner;
}

/**
 * The layout with a place for every node of `graph` it lacks, moving nothing it
 * already places: 1. a new workload goes in the first free cell of a grid in its
 * frame, which grows if it must, pushing the nodes beside and below it out of the way; 2. a new frame
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
    const corner = placeInFreeCells(cards, fresh, size.width, positions);
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
