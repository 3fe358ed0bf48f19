/** The session-storage flag a failing panel sets before reloading: the next start keeps the saved workspace aside instead of restoring it. */
export const START_FRESH_KEY = 'netpol-canvas:start-fresh';

/** True, once, when the page was reloaded to start without restoring (the flag is cleared as it is read). */
export function takeStartFresh(): boolean {
  try {
    const isSet = sessionStorage.getItem(START_FRESH_KEY) !== null;
    sessionStorage.removeItem(START_FRESH_KEY);
    return isSet;
  } catch {
    return false;
  }
}
