import { describe, expect, it } from 'vitest';
import { dataUrlText } from './dataUrlText';

describe('dataUrlText', () => {
  it('decodes a percent-encoded SVG data URL such as html-to-image returns', () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg"><text>a, b & c</text></svg>';
    expect(dataUrlText(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`)).toBe(svg);
  });

  it('decodes a base64 data URL as UTF-8', () => {
    expect(dataUrlText(`data:text/plain;base64,${btoa('caf\u00c3\u00a9')}`)).toBe('café');
  });
});
