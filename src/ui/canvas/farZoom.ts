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
