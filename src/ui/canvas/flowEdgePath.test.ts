import { describe, expect, it } from 'vitest';
import { flowEdgePath } from './flowEdgePath';

const left = { x: 0, y: 0, width: 100, height: 50 };
const right = { x: 300, y: 0, width: 100, height: 50 };

describe('flowEdgePath', () => {
  it('runs a one-way edge from border to border, bowed slightly, with the label halfway', () => {
    expect(flowEdgePath(left, right, false)).toEqual({ path: 'M 100 25 Q 200 -11 300 25', labelX: 200, labelY: 7 });
  });

  it('bows a long edge further than a short one, so it clears the edges between nodes in a row', () => {
    const far = { x: 600, y: 0, width: 100, height: 50 };
    expect(25 - flowEdgePath(left, far, false).labelY).toBeGreaterThan(2 * (25 - flowEdgePath(left, right, false).labelY) - 1);
  });

  it('bows the two directions of a two-way pair to opposite sides', () => {
    const there = flowEdgePath(left, right, true);
    const back = flowEdgePath(right, left, true);
    expect(there.labelY).not.toBe(back.labelY);
    expect(Math.abs(there.labelY - back.labelY)).toBeGreaterThan(30);
  });

  it('leaves through the top or bottom border when the target sits below', () => {
    const below = { x: 0, y: 200, width: 100, height: 50 };
    expect(flowEdgePath(left, below, false).path).toMatch(/^M 50 50 Q \S+ 125 50 200$/);
  });

  it('stays a finite path when two nodes sit on the same spot', () => {
    expect(flowEdgePath(left, left, true).path).not.toContain('NaN');
  });
});
