import { useCallback, useMemo, useState, type UIEvent } from 'react';
import { PROTOCOLS, type Protocol } from '../../engine';
import type { CellState, MatrixFilter, MatrixPeer, MatrixWindow } from '../../store/inspect/matrixCells';
import { useDocumentJob, useLastDocumentJob } from '../../store/useDocumentJob';
import { useViewStore } from '../../store/useViewStore';
import { useObservedOverlay } from '../observed/useObservedOverlay';
import './connectivityMatrix.css';

const CELL = 22;
const ROW_HEADER = 220;
const COLUMN_HEADER = 140;
const MARK = { all: '●', some: '◐', none: '', self: '·' } as const;
const STATE_TEXT = { all: 'allowed', some: 'partly allowed', none: 'denied', self: 'itself' } as const;
/** The worker is asked for cells by blocks of this many rows and columns, so that a small scroll asks nothing. */
const BLOCK = 32;
const NO_OPTIONS: Record<string, never> = {};
const NO_PEERS: readonly MatrixPeer[] = [];

/** The part of the matrix a scroller shows. */
const viewOf = (el: HTMLDivElement) => ({ top: el.scrollTop, left: el.scrollLeft, width: el.clientWidth, height: el.clientHeight });

/** The cell (row, col) of `window`, or null when the window does not hold it yet. */
function cellIn(window: MatrixWindow | null, row: number, col: number): { state: CellState; label: string } | null {
  if (window === null || row < window.rows[0] || row >= window.rows[1] || col < window.cols[0] || col >= window.cols[1]) return null;
  const k = (row - window.rows[0]) * (window.cols[1] - window.cols[0]) + (col - window.cols[0]);
  return { state: window.states[k], label: window.labels[k] };
}

/**
 * The workloads × workloads matrix (externals included), virtualised: only the cells in view are drawn, and the
 * analysis worker computes only those (at 1,000 workloads the whole evaluation on the page took a second to open it).
 */
export function ConnectivityMatrix() {
  const select = useViewStore((state) => state.select);
  const [protocol, setProtocol] = useState<Protocol | ''>('');
  const [port, setPort] = useState('');
  const [view, setView] = useState({ top: 0, left: 0, width: 900, height: 600 });
  const portNumber = port === '' || !protocol ? undefined : Number(port);
  const validPort = portNumber !== undefined && Number.isInteger(portNumber) ? portNumber : undefined;
  const overlay = useObservedOverlay();
  const observed = useMemo(() => {
    const byCell = new Map<string, { state: 'used' | 'unused' | 'wouldBreak'; text: string }>();
    for (const id of overlay?.unusedEdges ?? []) byCell.set(id, { state: 'unused', text: 'allowed, never observed' });
    for (const e of overlay?.edges ?? []) byCell.set(e.id, e.state === 'wouldBreak' ? { state: 'wouldBreak', text: `observed, would break: ${e.conns}` } : { state: 'used', text: `observed: ${e.conns}` });
    return byCell;
  }, [overlay]);
  const peersOutcome = useDocumentJob('matrixPeers', NO_OPTIONS);
  const peers = peersOutcome?.status === 'done' ? peersOutcome.result : NO_PEERS;
  const n = peers.length;
  const onScroll = (e: UIEvent<HTMLDivElement>) => setView(viewOf(e.currentTarget));
  // The cells in view from the first paint: the scroller as laid out, not an assumed 900 × 600 until the first scroll.
  const scroller = useCallback((el: HTMLDivElement | null) => {
    if (el !== null) setView(viewOf(el));
  }, []);
  const firstRow = Math.max(0, Math.floor(view.top / CELL) - 2);
  const lastRow = Math.min(n, Math.ceil((view.top + view.height) / CELL) + 2);
  const firstCol = Math.max(0, Math.floor(view.left / CELL) - 2);
  const lastCol = Math.min(n, Math.ceil((view.left + view.width) / CELL) + 2);
  const blockRow = Math.floor(firstRow / BLOCK);
  const blockCol = Math.floor(firstCol / BLOCK);
  const rowBlocks = Math.ceil((lastRow - firstRow) / BLOCK) + 1;
  const colBlocks = Math.ceil((lastCol - firstCol) / BLOCK) + 1;
  const windowOptions = useMemo(
    () => ({
      filter: { ...(protocol ? { protocol } : {}), ...(validPort !== undefined ? { port: validPort } : {}) } as MatrixFilter,
      rows: [blockRow * BLOCK, (blockRow + rowBlocks) * BLOCK] as [number, number],
      cols: [blockCol * BLOCK, (blockCol + colBlocks) * BLOCK] as [number, number],
    }),
    [protocol, validPort, blockRow, blockCol, rowBlocks, colBlocks],
  );
  const windowOutcome = useLastDocumentJob('matrixWindow', windowOptions);
  // Cells of another version than the rows may belong to other rows (a workload added or removed): shown as pending.
  const cells = windowOutcome?.status === 'done' && windowOutcome.version === peersOutcome?.version ? windowOutcome.result : null;
  const rows = Array.from({ length: Math.max(0, lastRow - firstRow) }, (_, k) => firstRow + k);
  const cols = Array.from({ length: Math.max(0, lastCol - firstCol) }, (_, k) => firstCol + k);

  return (
    <div className="matrix" data-testid="connectivity-matrix">
      <div className="matrix__filters">
        <label>
          Protocol
          <select value={protocol} onChange={(e) => setProtocol(e.target.value as Protocol | '')}>
            <option value="">any</option>
            {PROTOCOLS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Port
          <input value={port} disabled={!protocol} inputMode="numeric" placeholder="any" onChange={(e) => setPort(e.target.value)} />
        </label>
        <span className="matrix__legend">
          ● allowed · ◐ partly allowed · empty: denied — rows connect to columns{overlay && ' · outlined: observed (green used, red would break, grey never used)'}
        </span>
      </div>
      <div ref={scroller} className="matrix__scroller" onScroll={onScroll}>
        <div className="matrix__canvas" style={{ width: ROW_HEADER + n * CELL, height: COLUMN_HEADER + n * CELL }}>
          {cols.map((c) => (
            <div key={`c${c}`} className="matrix__col-header" style={{ left: ROW_HEADER + c * CELL, top: view.top }} title={peers[c].id}>
              <span>{peers[c].label}</span>
            </div>
          ))}
          {rows.map((r) => (
            <div key={`r${r}`} className="matrix__row-header" style={{ top: COLUMN_HEADER + r * CELL, left: view.left }} title={peers[r].id}>
              <span className="matrix__group">{peers[r].group}</span> {peers[r].label}
            </div>
          ))}
          {rows.flatMap((r) =>
            cols.map((c) => {
              const cell = cellIn(cells, r, c);
              const src = peers[r].id;
              const dst = peers[c].id;
              if (cell === null) return <span key={`${r}:${c}`} className="matrix__cell matrix__cell--pending" style={{ top: COLUMN_HEADER + r * CELL, left: ROW_HEADER + c * CELL }} />;
              const { state, label } = cell;
              const seen = observed.get(`${src}=>${dst}`);
              return (
                <button
                  key={`${r}:${c}`}
                  type="button"
                  className={`matrix__cell matrix__cell--${state}${seen ? ` matrix__cell--observed-${seen.state}` : ''}`}
                  style={{ top: COLUMN_HEADER + r * CELL, left: ROW_HEADER + c * CELL }}
                  title={`${src} → ${dst}: ${STATE_TEXT[state]}${label ? ` (${label})` : ''}${seen ? ` · ${seen.text}` : ''}`}
                  aria-label={`${src} to ${dst}: ${STATE_TEXT[state]}${seen ? `, ${seen.text}` : ''}`}
                  data-testid={`matrix-cell-${src}=>${dst}`}
                  disabled={state === 'self'}
                  onClick={() => select({ kind: 'edge', id: `${src}=>${dst}` })}
                >
                  {MARK[state]}
                </button>
              );
            }),
          )}
        </div>
      </div>
    </div>
  );
}
