/** Below this zoom the canvas leaves out edge labels and card details (level of detail). */
export const FAR_ZOOM = 0.45;
