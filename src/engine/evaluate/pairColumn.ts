/** What the classes that may reach one class may open toward it: the source classes, ascending, each with its (non-zero) connection table id. */
export interface PairColumn {
  readonly sources: Uint32Array;
  readonly tables: Uint32Array;
}

/** The column of a class nothing may reach. */
export const EMPTY_PAIR_COLUMN: PairColumn = { sources: new Uint32Array(0), tables: new Uint32Array(0) };

/** A column from `sources` (ascending) and their table ids, leaving out the zero ids (nothing allowed). */
export function pairColumn(sources: ArrayLike<number>, tables: ArrayLike<number>): PairColumn {
  let count = 0;
  for (let i = 0; i < tables.length; i++) if (tables[i] !== 0) count++;
  if (count === 0) return EMPTY_PAIR_COLUMN;
  const column = { sources: new Uint32Array(count), tables: new Uint32Array(count) };
  for (let i = 0, k = 0; i < tables.length; i++) {
    if (tables[i] === 0) continue;
    column.sources[k] = sources[i];
    column.tables[k++] = tables[i];
  }
  return column;
}

/** The table id of what class `source` may open in `column`, 0 when nothing (binary search). */
export function pairTable(column: PairColumn, source: number): number {
  const { sources } = column;
  let lo = 0;
  let hi = sources.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sources[mid];
    if (s === source) return column.tables[mid];
    if (s < source) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}

/** `column` with the table ids of some sources replaced (0 removes a source); the same column when nothing changes. */
export function withPairTables(column: PairColumn, updates: ReadonlyMap<number, number>): PairColumn {
  let isSame = true;
  for (const [source, table] of updates) if (pairTable(column, source) !== table) isSame = false;
  if (isSame) return column;
  const merged = new Map<number, number>();
  column.sources.forEach((source, i) => merged.set(source, column.tables[i]));
  for (const [source, table] of updates) merged.set(source, table);
  const sources = [...merged.keys()].sort((a, b) => a - b);
  return pairColumn(
    sources,
    sources.map((source) => merged.get(source) ?? 0),
  );
}
