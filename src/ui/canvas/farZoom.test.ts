import { describe, expect, it } from 'vitest';
import { cardTextScale, FAR_ZOOM, labelFontSize } from './farZoom';

describe('labelFontSize', () => {
  it('draws labels at 13 px when the view is at zoom 1 or closer', () => {
    expect(labelFontSize(1)).toBe(13);
    expect(labelFontSize(2)).toBe(13);
  });

  it('grows labels as the view zooms out, so they stay at 10 px or more on screen', () => {
    for (const zoom of [0.77, 0.6, 0.42, FAR_ZOOM]) expect((labelFontSize(zoom) ?? 0) * zoom).toBeGreaterThanOrEqual(10);
  });

  it('leaves labels out when zoomed out further than that', () => {
    expect(labelFontSize(FAR_ZOOM - 0.01)).toBeNull();
  });
});

describe('cardTextScale', () => {
  it('keeps card text as it is at zoom 0.72 or closer', () => {
    for (const zoom of [0.72, 1, 1.2]) expect(cardTextScale(zoom)).toBe(1);
  });

  it('enlarges card names in quarter steps as the view zooms out, so they stay at 10 px or more on screen', () => {
    for (const zoom of [0.7, 0.55, 0.42, 0.34, FAR_ZOOM]) {
      const scale = cardTextScale(zoom) ?? 0;
      expect(14 * scale * zoom).toBeGreaterThanOrEqual(10);
      expect((scale * 4) % 1).toBe(0);
    }
  });

  it('draws no card text details below the far zoom', () => {
    expect(cardTextScale(FAR_ZOOM - 0.01)).toBeNull();
  });
});
