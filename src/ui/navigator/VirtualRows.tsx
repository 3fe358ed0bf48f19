import { useCallback, useEffect, useRef, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

/** A row of a navigator list: a stable key, and its height in pixels (fixed by navigatorLists.css). */
export interface NavigatorRow {
  key: string;
  height: number;
}

/** Rows mounted beyond each edge of the view, so scrolling and Tab find the next row already there. */
const OVERSCAN = 8;

/** A long navigator list in its own scroll box, with only the rows in view (and a few either side) mounted. */
export function VirtualRows<Row extends NavigatorRow>({ rows, selectedIndex, renderRow }: { rows: readonly Row[]; selectedIndex: number; renderRow: (row: Row) => ReactNode }) {
  const scroller = useRef<HTMLDivElement>(null);
  const estimateSize = useCallback((index: number) => rows[index].height, [rows]);
  const getItemKey = useCallback((index: number) => rows[index].key, [rows]);
  // The app is not built with React Compiler, and nothing memoises what the virtualizer returns (it re-renders this component on scroll).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize, getItemKey, overscan: OVERSCAN });
  useEffect(() => {
    if (selectedIndex >= 0) virtualizer.scrollToIndex(selectedIndex, { align: 'auto' });
  }, [selectedIndex, virtualizer]);
  return (
    <div ref={scroller} className="navigator-list__scroller">
      <ul className="navigator-list__rows" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <li
            key={item.key}
            className="navigator-list__row"
            aria-setsize={rows.length}
            aria-posinset={item.index + 1}
            style={{ height: item.size, transform: `translateY(${item.start}px)` }}
          >
            {renderRow(rows[item.index])}
          </li>
        ))}
      </ul>
    </div>
  );
}
