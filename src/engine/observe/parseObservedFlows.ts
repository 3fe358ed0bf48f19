import type { Issue } from '../model/types';
import { arrayItemOffsets } from './arrayItemOffsets';
import { describeValue } from './describeValue';
import { issueSink, type IssueSink } from './issueSink';
import type { ObservedEndpoint, ObservedFlow, ObservedFlowStats, ObservedFormat } from './observedFlow';
import { parseConn, type ParsedConn } from './parseConn';
import { parseConnlistEnd } from './parseConnlistEnd';
import { parseHubbleRecord, type EndpointCache } from './parseHubbleRecord';
import { isJsonObject, type JsonObject } from './readField';
import { splitCsvLine } from './splitCsvLine';

/** The largest file read, in characters: 256 MiB of ASCII, room for 200,000 Hubble lines of about 1.3 KiB each. */
export const MAX_OBSERVED_CHARS = 256 * 1024 * 1024;
/** The most lines (or array items) a file may have. */
export const MAX_OBSERVED_RECORDS = 200_000;

/** Bounds on what {@link parseObservedFlows} reads; a file over either is refused whole. */
export interface ObservedLimits {
  /** Most characters; default {@link MAX_OBSERVED_CHARS}. */
  maxChars?: number;
  /** Most lines (or array items); default {@link MAX_OBSERVED_RECORDS}. */
  maxRecords?: number;
}

/** The flows of a file, the problems found (by file, line and field path), and what the records came to. */
export interface ParsedObservedFlows {
  flows: ObservedFlow[];
  issues: Issue[];
  stats: ObservedFlowStats;
}

/** How many lines are looked at to tell JSON lines from other text. */
const DETECTION_LINES = 100;

/** The state of one parse: where flows, problems and counts go. */
interface ParseState {
  sink: IssueSink;
  flows: ObservedFlow[];
  stats: ObservedFlowStats;
  endpoints: EndpointCache;
  /** Connection-list ends already read, by text: rows repeat the same few workloads. */
  connlistEnds: Map<string, ObservedEndpoint | undefined>;
  /** Connection strings already read, by text. */
  conns: Map<string, ParsedConn>;
}

function addHubble(state: ParseState, value: unknown, line: number): void {
  const record = parseHubbleRecord(value, line, state.sink, state.endpoints);
  switch (record.kind) {
    case 'flow':
      state.flows.push(record.flow);
      state.stats.flows++;
      return;
    case 'reply':
      state.stats.replies++;
      return;
    case 'notPortFlow':
      state.stats.notPortFlows++;
      return;
    case 'notFlow':
      state.stats.notFlows++;
      state.stats.lostEvents += record.lostEvents;
      return;
    case 'invalid':
      state.stats.invalid++;
      return;
  }
}

/** One connection-list row: `path(field)` names a field in the issues (`[3].src` for JSON, `src` for CSV). */
function addConnlistRow(state: ParseState, row: { src: unknown; dst: unknown; conn: unknown }, line: number, path: (field: string) => string): void {
  const { sink } = state;
  const endOf = (field: 'src' | 'dst', value: unknown) => {
    let end: ObservedEndpoint | undefined;
    if (typeof value === 'string') {
      if (state.connlistEnds.has(value)) end = state.connlistEnds.get(value);
      else state.connlistEnds.set(value, (end = parseConnlistEnd(value)));
    }
    if (end === undefined) {
      const shown = value === undefined ? 'is missing' : `${describeValue(value)} is not a workload (ns/name[Kind]), an address, a CIDR or a range (a-b[External])`;
      sink.add('error', 'observed-field', line, path(field), `${field} ${shown}`);
    }
    return end;
  };
  const src = endOf('src', row.src);
  const dst = endOf('dst', row.dst);
  let conn: ParsedConn = { error: row.conn === undefined ? 'is missing' : 'must be a string' };
  if (typeof row.conn === 'string') {
    const known = state.conns.get(row.conn);
    if (known !== undefined) conn = known;
    else state.conns.set(row.conn, (conn = parseConn(row.conn)));
  }
  if ('error' in conn) sink.add('error', 'observed-field', line, path('conn'), `conn ${conn.error}`);
  if (src === undefined || dst === undefined || 'error' in conn) {
    state.stats.invalid++;
    return;
  }
  state.stats.notPortFlows += conn.notPorts;
  for (const { protocol, port } of conn.ports) {
    state.flows.push({ src, dst, protocol, port, verdict: 'VERDICT_UNKNOWN', line });
    state.stats.flows++;
  }
}

/** Calls `visit` with each line and its 1-based number, without splitting the whole text at once. */
function forEachLine(text: string, visit: (line: string, number: number) => void): void {
  let start = 0;
  let number = 1;
  while (start <= text.length) {
    const end = text.indexOf('\n', start);
    const stop = end < 0 ? text.length : end;
    visit(text.charCodeAt(stop - 1) === 0x0d ? text.slice(start, stop - 1) : text.slice(start, stop), number);
    if (end < 0) return;
    start = end + 1;
    number++;
  }
}

function parseJsonLines(state: ParseState, text: string): void {
  forEachLine(text, (raw, line) => {
    const trimmed = raw.trim();
    if (trimmed === '') return;
    state.stats.records++;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (error) {
      state.stats.invalid++;
      state.sink.add('error', 'observed-not-json', line, undefined, `not a JSON line: ${(error as Error).message}`);
      return;
    }
    addHubble(state, value, line);
  });
}

/** The 1-based line of a JSON.parse error, from the position V8 names in its message; undefined when it names none. */
function errorLine(text: string, message: string): number | undefined {
  const position = /position (\d+)/.exec(message);
  if (position !== null) return text.slice(0, Number(position[1])).split('\n').length;
  const line = /line (\d+)/.exec(message);
  return line === null ? undefined : Number(line[1]);
}

function parseJsonArray(state: ParseState, text: string, maxRecords: number): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    state.sink.add('error', 'observed-not-json', errorLine(text, message), undefined, `the file starts like a JSON array but is not JSON: ${message}`);
    return;
  }
  if (!Array.isArray(value)) {
    state.sink.add('error', 'observed-format', 1, undefined, 'expected a JSON array of {src, dst, conn} rows or of Hubble flows');
    return;
  }
  if (value.length > maxRecords) {
    state.sink.add('error', 'observed-too-large', 1, undefined, `${value.length} rows: at most ${maxRecords} are read`);
    return;
  }
  const first = value.find(isJsonObject);
  const isConnlist = first !== undefined && ['src', 'dst', 'conn'].some((f) => Object.hasOwn(first, f));
  state.stats.format = isConnlist ? 'connlist-json' : 'hubble';
  // 1. Where each item starts, 2. its line, counting line feeds from one item to the next.
  const offsets = arrayItemOffsets(text);
  let line = 1;
  let at = 0;
  value.forEach((item: unknown, i) => {
    const offset = offsets[i] ?? at;
    for (let k = text.indexOf('\n', at); k >= 0 && k < offset; k = text.indexOf('\n', k + 1)) line++;
    at = offset;
    state.stats.records++;
    if (!isConnlist) return addHubble(state, item, line);
    if (!isJsonObject(item)) {
      state.stats.invalid++;
      return state.sink.add('error', 'observed-record', line, `[${i}]`, 'a row must be an object {src, dst, conn}');
    }
    const row = item as JsonObject;
    const own = (f: string) => (Object.hasOwn(row, f) ? row[f] : undefined);
    addConnlistRow(state, { src: own('src'), dst: own('dst'), conn: own('conn') }, line, (f) => `[${i}].${f}`);
  });
}

function parseCsv(state: ParseState, text: string, header: string[], headerLine: number): void {
  const columns = header.map((h) => h.trim().toLowerCase());
  const index = { src: columns.indexOf('src'), dst: columns.indexOf('dst'), conn: columns.indexOf('conn') };
  forEachLine(text, (raw, line) => {
    if (line <= headerLine || raw.trim() === '') return;
    state.stats.records++;
    const fields = splitCsvLine(raw);
    if (fields === undefined) {
      state.stats.invalid++;
      return state.sink.add('error', 'observed-record', line, undefined, 'a quoted field is not closed');
    }
    const at = (i: number) => (i < fields.length ? fields[i].trim() : undefined);
    addConnlistRow(state, { src: at(index.src), dst: at(index.dst), conn: at(index.conn) }, line, (f) => f);
  });
}

/** The header fields when the first non-blank line is a CSV header naming src, dst and conn, with its line number. */
function csvHeader(text: string): { header: string[]; line: number } | undefined {
  const match = /^(?:[ \t]*\r?\n)*/.exec(text);
  const skipped = match === null ? '' : match[0];
  const end = text.indexOf('\n', skipped.length);
  const first = text.slice(skipped.length, end < 0 ? text.length : end).replace(/\r$/, '');
  const header = splitCsvLine(first);
  if (header === undefined) return undefined;
  const names = header.map((h) => h.trim().toLowerCase());
  if (!['src', 'dst', 'conn'].every((n) => names.includes(n))) return undefined;
  return { header, line: skipped.split('\n').length };
}

/** True when one of the first {@link DETECTION_LINES} lines starts with `{`: JSON lines, perhaps after some noise. */
function hasJsonLine(text: string): boolean {
  let start = 0;
  for (let k = 0; k < DETECTION_LINES && start < text.length; k++) {
    const end = text.indexOf('\n', start);
    if (text.slice(start, end < 0 ? text.length : end).trimStart().startsWith('{')) return true;
    if (end < 0) return false;
    start = end + 1;
  }
  return false;
}

function countLines(text: string): number {
  let count = 1;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Reads observed traffic: Hubble's `hubble observe -o json` / `-o jsonpb` (one record per line, or a JSON array of
 * them), or the neutral connection list this product writes (a JSON array of `{src, dst, conn}`, or CSV with a
 * `src,dst,conn` header), told apart by content. Total: every problem is an Issue with file, line and field path (the
 * first hundred listed, the rest summarised), and a file over the limits (by default {@link MAX_OBSERVED_CHARS}
 * characters or {@link MAX_OBSERVED_RECORDS} lines) is refused whole.
 */
export function parseObservedFlows(text: string, fileName: string, { maxChars = MAX_OBSERVED_CHARS, maxRecords = MAX_OBSERVED_RECORDS }: ObservedLimits = {}): ParsedObservedFlows {
  const stats: ObservedFlowStats = { format: 'unknown', records: 0, flows: 0, replies: 0, notPortFlows: 0, notFlows: 0, invalid: 0, lostEvents: 0 };
  const state: ParseState = { sink: issueSink(fileName), flows: [], stats, endpoints: new Map(), connlistEnds: new Map(), conns: new Map() };
  const result = (): ParsedObservedFlows => {
    const issues = state.sink.issues();
    if (stats.lostEvents > 0) {
      issues.push({ severity: 'warning', code: 'observed-lost-events', message: `Hubble reported ${stats.lostEvents} lost events: the capture misses flows`, file: fileName });
    }
    return { flows: state.flows, issues, stats };
  };
  if (text.length > maxChars) {
    state.sink.add('error', 'observed-too-large', undefined, undefined, `the file has ${text.length} characters: at most ${maxChars} are read`);
    return result();
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = countLines(body);
  if (lines > maxRecords) {
    state.sink.add('error', 'observed-too-large', undefined, undefined, `the file has ${lines} lines: at most ${maxRecords} are read`);
    return result();
  }
  const start = body.trimStart();
  const csv = start.startsWith('[') || start.startsWith('{') ? undefined : csvHeader(body);
  let format: ObservedFormat = 'unknown';
  if (start.startsWith('[')) parseJsonArray(state, body, maxRecords);
  else if (csv !== undefined) {
    format = 'connlist-csv';
    parseCsv(state, body, csv.header, csv.line);
  } else if (hasJsonLine(body)) {
    format = 'hubble';
    parseJsonLines(state, body);
  } else if (start !== '') {
    state.sink.add('error', 'observed-format', undefined, undefined, 'not a format of observed flows: expected Hubble JSON lines, a JSON array of {src, dst, conn}, or CSV with a src,dst,conn header');
  }
  if (stats.format === 'unknown') stats.format = format;
  return result();
}
