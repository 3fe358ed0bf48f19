import { useEffect, useState } from 'react';

/** `flag`, but turning true only once it has stayed true for `delayMs` (turning false at once): no flash for short work. */
export function useDelayedFlag(flag: boolean, delayMs: number): boolean {
  const [isShown, setShown] = useState(false);
  useEffect(() => {
    if (!flag) return;
    const timer = setTimeout(() => setShown(true), delayMs);
    return () => {
      clearTimeout(timer);
      setShown(false);
    };
  }, [flag, delayMs]);
  return flag && isShown;
}
