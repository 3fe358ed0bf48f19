/** A node's box in absolute canvas coordinates. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** An SVG path and where its label sits. */
export interface EdgeGeometry {
  path: string;
  labelX: number;
  labelY: number;
}

/** How far the two directions of a two-way pair bow apart, and how far apart their ends sit. */
const BOW = 36;
/** Every edge bows by this share of its length, so a long edge never runs along the short ones between nodes in a row. */
const BOW_PER_LENGTH = 0.12;
const END_SHIFT = 10;

/** Where the ray from the centre of `box` toward `(dx, dy)` (through `from`) leaves the box. */
function exitPoint(box: Box, from: { x: number; y: number }, dx: number, dy: number): { x: number; y: number } {
  if (dx === 0 && dy === 0) return from;
  const halfW = box.width / 2;
  const halfH = box.height / 2;
  const cx = box.x + halfW;
  const cy = box.y + halfH;
  const tx = dx === 0 ? Infinity : (dx > 0 ? cx + halfW - from.x : cx - halfW - from.x) / dx;
  const ty = dy === 0 ? Infinity : (dy > 0 ? cy + halfH - from.y : cy - halfH - from.y) / dy;
  const t = Math.max(0, Math.min(tx, ty));
  return { x: from.x + t * dx, y: from.y + t * dy };
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * A floating edge from the border of `source` to the border of `target` along the line
 * between their centres, bowed to its left (seen along its direction) by a share of its
 * length; the two directions of a two-way pair bow further, to opposite sides, so they never overlap.
 */
export function flowEdgePath(source: Box, target: Box, hasReverse: boolean): EdgeGeometry {
  const sx = source.x + source.width / 2;
  const sy = source.y + source.height / 2;
  const tx = target.x + target.width / 2;
  const ty = target.y + target.height / 2;
  const length = Math.hypot(tx - sx, ty - sy) || 1;
  const nx = (ty - sy) / length;
  const ny = -(tx - sx) / length;
  const shift = hasReverse ? END_SHIFT : 0;
  const from = { x: sx + nx * shift, y: sy + ny * shift };
  const to = { x: tx + nx * shift, y: ty + ny * shift };
  const start = exitPoint(source, from, to.x - from.x, to.y - from.y);
  const end = exitPoint(target, to, from.x - to.x, from.y - to.y);
  const bow = (hasReverse ? BOW : 0) + BOW_PER_LENGTH * length;
  const control = { x: (start.x + end.x) / 2 + nx * bow, y: (start.y + end.y) / 2 + ny * bow };
  const labelX = 0.25 * start.x + 0.5 * control.x + 0.25 * end.x;
  const labelY = 0.25 * start.y + 0.5 * control.y + 0.25 * end.y;
  return {
    path: `M ${round(start.x)} ${round(start.y)} Q ${round(control.x)} ${round(control.y)} ${round(end.x)} ${round(end.y)}`,
    labelX: round(labelX),
    labelY: round(labelY),
  };
}
