import { getNodesBounds, getViewportForBounds, type Node, type Rect, type Viewport } from '@xyflow/react';

/** Margin around the graph in an exported image, in pixels. */
export const IMAGE_MARGIN = 40;
/** The longest side an exported image may have; larger graphs are scaled down to fit. */
export const MAX_IMAGE_SIDE = 4096;
const MIN_WIDTH = 640;
const MIN_HEIGHT = 400;

/** The size of an exported image and the viewport transform that places every node inside it. */
export interface ImageFrame {
  width: number;
  height: number;
  viewport: Viewport;
}

/**
 * Frames nodes, given as rectangles in flow coordinates, for an image: drawn at
 * full size unless that exceeds {@link MAX_IMAGE_SIDE}, centred, with a margin.
 */
export function imageFrame(rects: readonly Rect[]): ImageFrame {
  const nodes: Node[] = rects.map((r, i) => ({
    id: String(i),
    position: { x: r.x, y: r.y },
    measured: { width: r.width, height: r.height },
    data: {},
  }));
  const bounds = getNodesBounds(nodes);
  const room = MAX_IMAGE_SIDE - 2 * IMAGE_MARGIN;
  const zoom = Math.min(1, room / Math.max(bounds.width, 1), room / Math.max(bounds.height, 1));
  const width = Math.max(MIN_WIDTH, Math.ceil(bounds.width * zoom) + 2 * IMAGE_MARGIN);
  const height = Math.max(MIN_HEIGHT, Math.ceil(bounds.height * zoom) + 2 * IMAGE_MARGIN);
  const viewport = getViewportForBounds(bounds, width, height, zoom / 2, zoom, `${IMAGE_MARGIN}px`);
  return { width, height, viewport };
}
