/** A namespace frame's box on the canvas, in flow coordinates. */
export interface FrameBox {
  namespace: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The frame a point falls in (the last one drawn when frames overlap), or undefined. */
export function frameAt(point: { x: number; y: number }, frames: readonly FrameBox[]): FrameBox | undefined {
  const inside = frames.filter((f) => point.x >= f.x && point.x <= f.x + f.width && point.y >= f.y && point.y <= f.y + f.height);
  return inside[inside.length - 1];
}
