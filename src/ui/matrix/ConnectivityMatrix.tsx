import { useMemo, useState, type UIEvent } from 'react';
import { PROTOCOLS, type Analysis, type Protocol } from '../../engine';
import { useViewStore } from '../../store/useViewStore';
import { matrixCells, type MatrixFilter } from './matrixCells';
import './connectivityMatrix.css';

const CELL = 22;
const ROW_HEADER = 220;
const COLUMN_HEADER = 140;
const MARK = { all: '●', some: '◐', none: '', self: '·' } as const;
const STATE_TEXT = { all: 'allowed', some: 'partly allowed', none: 'denied', self: 'itself' } as const;

/** The workloads × workloads matrix (externals included), virtualised: only the cells in view are drawn. */
export function ConnectivityMatrix({ analysis }: { analysis: Analysis }) {
  const select = useViewStore((state) => state.select);
  const [protocol, setProtocol] = useState<Protocol | ''>('');
  const [port, setPort] = useState('');
  const [view, setView] = useState({ top: 0, left: 0, width: 900, height: 600 });
  const portNumber = port === '' || !protocol ? undefined : Number(port);
  const validPort = portNumber !== undefined && Number.isInteger(portNumber) ? portNumber : undefined;
  const matrix = useMemo(() => {
    const filter: MatrixFilter = { ...(protocol ? { protocol } : {}), ...(validPort !== undefined ? { port: validPort } : {}) };
    return matrixCells(analysis, filter);
  }, [analysis, protocol, validPort]);
  const n = matrix.peers.length;
  const onScroll = (e: UIEvent<HTMLDivElement>) => {
    const el = e.currentTarget;
    setView({ top: el.scrollTop, left: el.scrollLeft, width: el.clientWidth, height: el.clientHeight });
  };
  const firstRow = Math.max(0, Math.floor(view.top / CELL) - 2);
  const lastRow = Math.min(n, Math.ceil((view.top + view.height) / CELL) + 2);
  const firstCol = Math.max(0, Math.floor(view.left / CELL) - 2);
  const lastCol = Math.min(n, Math.ceil((view.left + view.width) / CELL) + 2);
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
        <span className="matrix__legend">● allowed · ◐ partly allowed · empty: denied — rows connect to columns</span>
      </div>
      <div className="matrix__scroller" onScroll={onScroll}>
        <div className="matrix__canvas" style={{ width: ROW_HEADER + n * CELL, height: COLUMN_HEADER + n * CELL }}>
          {cols.map((c) => (
            <div key={`c${c}`} className="matrix__col-header" style={{ left: ROW_HEADER + c * CELL, top: view.top }} title={matrix.peers[c].id}>
              <span>{matrix.peers[c].label}</span>
            </div>
          ))}
          {rows.map((r) => (
            <div key={`r${r}`} className="matrix__row-header" style={{ top: COLUMN_HEADER + r * CELL, left: view.left }} title={matrix.peers[r].id}>
              <span className="matrix__group">{matrix.peers[r].group}</span> {matrix.peers[r].label}
            </div>
          ))}
          {rows.flatMap((r) =>
            cols.map((c) => {
              const { state, label } = matrix.cell(r, c);
              const src = matrix.peers[r].id;
              const dst = matrix.peers[c].id;
              return (
                <button
                  key={`${r}:${c}`}
                  type="button"
                  className={`matrix__cell matrix__cell--${state}`}
                  style={{ top: COLUMN_HEADER + r * CELL, left: ROW_HEADER + c * CELL }}
                  title={`${src} → ${dst}: ${STATE_TEXT[state]}${label ? ` (${label})` : ''}`}
                  aria-label={`${src} to ${dst}: ${STATE_TEXT[state]}`}
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
