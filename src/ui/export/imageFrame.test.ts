import { describe, expect, it } from 'vitest';
import { IMAGE_MARGIN, MAX_IMAGE_SIDE, imageFrame } from './imageFrame';

describe('imageFrame', () => {
  it('draws a mid-sized graph at full size with a margin, whatever its position', () => {
    const frame = imageFrame([
      { x: -500, y: 100, width: 300, height: 200 },
      { x: 400, y: 600, width: 200, height: 100 },
    ]);
    expect(frame.width).toBe(1100 + 2 * IMAGE_MARGIN);
    expect(frame.height).toBe(600 + 2 * IMAGE_MARGIN);
    expect(frame.viewport).toEqual({ x: 500 + IMAGE_MARGIN, y: -100 + IMAGE_MARGIN, zoom: 1 });
  });

  it('centres a small graph in an image of readable minimum size', () => {
    const frame = imageFrame([{ x: 0, y: 0, width: 200, height: 80 }]);
    expect(frame.width).toBe(640);
    expect(frame.height).toBe(400);
    expect(frame.viewport).toEqual({ x: 220, y: 160, zoom: 1 });
  });

  it('scales a huge graph down so the longest side fits', () => {
    const frame = imageFrame([{ x: 0, y: 0, width: 20000, height: 1000 }]);
    expect(frame.width).toBe(MAX_IMAGE_SIDE);
    expect(frame.viewport.zoom).toBeCloseTo((MAX_IMAGE_SIDE - 2 * IMAGE_MARGIN) / 20000);
    expect(frame.height).toBeLessThan(MAX_IMAGE_SIDE / 4);
  });
});
