const PRESENTATION = [
  'display',
  'visibility',
  'opacity',
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'stroke-opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
] as const;

/**
 * Writes the computed style of every element inside the `<svg>`s under `root`
 * as presentation attributes, because html-to-image copies `<svg>` subtrees as
 * they are and an image has no stylesheet; stylesheet rules still win on the
 * page. Returns the function that removes the added attributes again.
 */
export function inlineSvgStyles(root: Element): () => void {
  const added: [Element, string][] = [];
  for (const element of root.querySelectorAll('svg *')) {
    const style = getComputedStyle(element);
    for (const name of PRESENTATION) {
      const value = style.getPropertyValue(name);
      if (value === '' || element.hasAttribute(name)) continue;
      element.setAttribute(name, value);
      added.push([element, name]);
    }
  }
  return () => {
    for (const [element, name] of added) element.removeAttribute(name);
  };
}
