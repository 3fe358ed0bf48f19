import { describe, expect, it } from 'vitest';
import { FAR_ZOOM, labelFontSize } from './farZoom';

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
