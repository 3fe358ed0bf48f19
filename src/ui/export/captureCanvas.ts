import type { Rect } from '@xyflow/react';
import { toBlob, toSvg } from 'html-to-image';
import { dataUrlText } from './dataUrlText';
import { imageFrame } from './imageFrame';
import { inlineSvgStyles } from './inlineSvgStyles';

/** The image formats the canvas can be exported as. */
export type ImageFormat = 'png' | 'svg';

type Options = NonNullable<Parameters<typeof toSvg>[1]>;

const LEFT_OUT = ['react-flow__minimap', 'react-flow__controls', 'react-flow__panel', 'react-flow__attribution'];

function isKept(node: HTMLElement): boolean {
  return !(node instanceof Element) || !LEFT_OUT.some((name) => node.classList.contains(name));
}

function nodeRects(viewport: HTMLElement): Rect[] {
  return [...viewport.querySelectorAll<HTMLElement>('.react-flow__node')].map((node) => {
    const { m41, m42 } = new DOMMatrixReadOnly(getComputedStyle(node).transform);
    return { x: m41, y: m42, width: node.offsetWidth, height: node.offsetHeight };
  });
}

function themeBackground(from: HTMLElement): string {
  for (let el: HTMLElement | null = from; el !== null; el = el.parentElement) {
    const color = getComputedStyle(el).backgroundColor;
    if (color !== '' && color !== 'transparent' && color !== 'rgba(0, 0, 0, 0)') return color;
  }
  return '#ffffff';
}

/**
 * Renders every node and edge of the canvas, whatever the current zoom and
 * scroll, on the theme's background; null when the canvas shows nothing.
 */
export async function captureCanvas(format: ImageFormat): Promise<Blob | null> {
  const flow = document.querySelector<HTMLElement>('main.app__canvas .react-flow');
  const viewport = flow?.querySelector<HTMLElement>('.react-flow__viewport');
  if (!flow || !viewport) return null;
  const rects = nodeRects(viewport);
  if (rects.length === 0) return null;
  const { width, height, viewport: view } = imageFrame(rects);
  const options: Options = {
    backgroundColor: themeBackground(flow),
    width,
    height,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})` },
    filter: isKept,
    skipFonts: true,
  };
  const restore = inlineSvgStyles(viewport);
  try {
    if (format === 'png') return await toBlob(viewport, options);
    return new Blob([dataUrlText(await toSvg(viewport, options))], { type: 'image/svg+xml' });
  } finally {
    restore();
  }
}
