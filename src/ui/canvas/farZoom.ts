/** Below this zoom the canvas leaves out edge labels and card details (level of detail). */
export const FAR_ZOOM = 0.3;
/** The smallest size, in screen pixels, an edge label is drawn at. */
const MIN_LABEL_PX = 10;
/** The size of edge labels at zoom 1. */
const LABEL_PX = 13;

/** The font size (canvas pixels) of edge labels at `zoom`, in whole pixels so it changes in steps: 13, or more when zoomed out so it stays 10 px on screen; null below {@link FAR_ZOOM}. */
export function labelFontSize(zoom: number): number | null {
  if (zoom < FAR_ZOOM) return null;
  return Math.max(LABEL_PX, Math.ceil(MIN_LABEL_PX / zoom));
}

/** The size card names are drawn at, at zoom 1. */
const NAME_PX = 14;

/**
 * How much card text is enlarged at `zoom` so that names stay at 10 px or more on screen: 1 at zoom 0.72 or closer
 * (full detail), else a step of 0.25 large enough (cards then show only what matters: name and open sides); null
 * below {@link FAR_ZOOM}, where cards show no text details.
 */
export function cardTextScale(zoom: number): number | null {
  if (zoom < FAR_ZOOM) return null;
  const needed = MIN_LABEL_PX / (NAME_PX * zoom);
  return needed <= 1 ? 1 : Math.ceil(needed * 4) / 4;
}
