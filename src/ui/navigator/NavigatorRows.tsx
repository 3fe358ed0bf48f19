import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { VirtualRows, type NavigatorRow } from './VirtualRows';

/**
 * Up to this many rows a list is rendered whole: about 600 elements, a few milliseconds, every row reachable by
 * Tab and by the browser's find, and room for every bundled example (at most 22 policies and 13 workloads).
 * Longer lists (a real cluster: thousands of policies) mount only the rows in view.
 */
const PLAIN_ROW_LIMIT = 150;

/** A navigator list: every row when short, only those in view when long; the selected row is scrolled into view when the selection changes. */
export function NavigatorRows<Row extends NavigatorRow>({ rows, selectedKey, renderRow }: { rows: readonly Row[]; selectedKey: string | null; renderRow: (row: Row) => ReactNode }) {
  const list = useRef<HTMLUListElement>(null);
  const isVirtual = rows.length > PLAIN_ROW_LIMIT;
  const selectedIndex = useMemo(() => (selectedKey === null ? -1 : rows.findIndex((row) => row.key === selectedKey)), [rows, selectedKey]);
  useEffect(() => {
    if (!isVirtual && selectedIndex >= 0) list.current?.children[selectedIndex]?.scrollIntoView({ block: 'nearest' });
  }, [isVirtual, selectedIndex]);
  if (isVirtual) return <VirtualRows rows={rows} selectedIndex={selectedIndex} renderRow={renderRow} />;
  return (
    <ul ref={list}>
      {rows.map((row) => (
        <li key={row.key}>{renderRow(row)}</li>
      ))}
    </ul>
  );
}
