import type { Issue, SourceFile } from '../model/types';
import { isChunkStart, splitYamlDocuments, type YamlChunk } from './splitYamlDocuments';
import { parseYamlChunk, type ChunkError, type ParsedChunk } from './parseYamlChunk';
import type { YamlChunkCache } from './yamlChunkCache';

/** One YAML document of a file, with a way to find where a field path sits in the text; the same object again while its chunk is cached and placed alike. */
export interface YamlDocument {
  file: string;
  index: number;
  value: unknown;
  /** 1-based line/column of the node at `path` (`spec.ingress[0].from[1]`), or of its nearest ancestor. */
  locate(path: string): { line: number; column: number };
}

/** The documents of one file and its syntax issues. */
export interface ParsedFile {
  documents: YamlDocument[];
  issues: Issue[];
}

function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}

/** Where a chunk starts in its file: 1-based line and column. */
interface ChunkStart {
  line: number;
  column: number;
}

/** The file's 1-based line/column of `offset` in the chunk, counting lines by `\n`, `\r\n` and lone `\r` as `lineIndex` does. */
function positionIn(chunk: ParsedChunk, start: ChunkStart, offset: number): { line: number; column: number } {
  const starts = chunk.lineStarts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? { line: start.line, column: start.column + offset } : { line: start.line + lo, column: offset - starts[lo] + 1 };
}

function syntaxIssue(file: string, error: ChunkError, lineShift: number): Issue {
  return {
    severity: 'error',
    code: 'yaml-syntax',
    message: `YAML syntax error: ${error.message}`,
    file,
    line: error.mark ? error.mark.line + 1 + lineShift : undefined,
    column: error.mark ? error.mark.column + 1 : undefined,
  };
}

/** The documents of each chunk as last placed in a file, so a chunk parsed through a cache and placed alike gives the same document objects. */
const placedChunks = new WeakMap<ParsedChunk, { key: string; documents: YamlDocument[] }>();

/** The documents of `chunk`, numbered from `base`, placed at `at` in file `file` (whose chunks all parsed when `isValid`). */
function placed(chunk: ParsedChunk, file: string, base: number, at: ChunkStart, isValid: boolean): YamlDocument[] {
  const key = `${file}\n${base}\n${at.line}:${at.column}\n${isValid}`;
  const known = placedChunks.get(chunk);
  if (known !== undefined && known.key === key) return known.documents;
  const documents: YamlDocument[] = [];
  for (const [k, value] of chunk.values.entries()) {
    if (!isValid && value === null) continue;
    documents.push({
      file,
      index: base + k,
      value,
      locate(path: string) {
        let offset = chunk.roots[k];
        if (path !== '') {
          const offsets = chunk.offsets()[k] ?? new Map<string, number>();
          let p = path;
          while (!offsets.has(p) && p !== '') p = parentPath(p);
          offset = offsets.get(p);
        }
        // A node without a position: the whole-file parse of a valid file pointed at the file's start.
        if (offset === undefined) return isValid ? { line: 1, column: 1 } : positionIn(chunk, at, 0);
        return positionIn(chunk, at, offset);
      },
    });
  }
  placedChunks.set(chunk, { key, documents });
  return documents;
}

/** The last parse of each file through each cache, while its name and text stay the same. */
const parsedFiles = new WeakMap<SourceFile, { cache: YamlChunkCache; name: string; text: string; parsed: ParsedFile }>();

/**
 * Parses a multi-document YAML (or JSON) file. When one document has a syntax
 * error, the others are still returned (empty ones left out), and the error
 * carries its line/column. 1. Split the file at its `---` markers, 2. parse each
 * chunk, through `cache` when given (memoised by its exact text, so an edit
 * re-parses only the chunk it touched; the values are then shared and frozen),
 * 3. place documents and issues at their lines in the file. Through a cache, the
 * same file object with the same text gives the same (shared) result again.
 */
export function parseYamlFile(source: SourceFile, cache?: YamlChunkCache): ParsedFile {
  if (cache === undefined) return parseChunks(source);
  const known = parsedFiles.get(source);
  if (known !== undefined && known.cache === cache && known.name === source.name && known.text === source.text) return known.parsed;
  const parsed = parseChunks(source, cache);
  parsedFiles.set(source, { cache, name: source.name, text: source.text, parsed });
  return parsed;
}

/** The last split of each file (by name) parsed through each cache: its text, chunks and their parses. */
const lastSplits = new WeakMap<YamlChunkCache, Map<string, { text: string; chunks: YamlChunk[]; parsed: ParsedChunk[] }>>();

/** The last edit noted: `from..to` of `before` was replaced to make `after`. */
let notedEdit: { before: string; after: string; from: number; to: number } | null = null;

/**
 * Tells the splitter that replacing `from..to` of `before` made `after` (the analysis worker receives typing as such
 * patches), so that it finds the chunks the edit left in place without comparing the texts: ~10 ms at 2 MB.
 */
export function noteYamlEdit(before: string, after: string, from: number, to: number): void {
  notedEdit = { before, after, from, to };
}

/** The noted edit when it turned `before` into `after` (these very strings: compared by length first), else null. */
function editBetween(before: string, after: string): { from: number; to: number } | null {
  const edit = notedEdit;
  if (edit === null || edit.before.length !== before.length || edit.after.length !== after.length) return null;
  return edit.before === before && edit.after === after ? edit : null;
}

/**
 * The chunks of `text` and their parses, reusing those of `previous` (an earlier text of the file) that an edit left in
 * place: 1. the leading chunks unchanged at the same offset, and the trailing ones at the offset shifted by the change in
 * length (by the noted edit's range, else found by comparing), each less the one next to the edit (its boundary may have
 * moved) and cut only where the new text starts a chunk with its marker, 2. split and parse what lies between.
 */
function splitAgain(text: string, previous: { text: string; chunks: YamlChunk[]; parsed: ParsedChunk[] }, cache: YamlChunkCache): { chunks: YamlChunk[]; parsed: ParsedChunk[] } {
  const { chunks } = previous;
  const edit = editBetween(previous.text, text);
  const delta = text.length - previous.text.length;
  // Unchanged: a chunk wholly before the edit (at its offset), or wholly after it (at its offset shifted by `delta`).
  const isKeptBefore = (chunk: YamlChunk) => (edit !== null ? chunk.offset + chunk.text.length <= edit.from : text.startsWith(chunk.text, chunk.offset));
  const isKeptAfter = (chunk: YamlChunk) => (edit !== null ? chunk.offset >= edit.to : text.startsWith(chunk.text, chunk.offset + delta));
  let head = 0;
  while (head < chunks.length && isKeptBefore(chunks[head])) head++;
  head = Math.max(0, head - 1);
  while (head > 0 && !isChunkStart(text, chunks[head].offset)) head--;
  const from = head < chunks.length ? chunks[head].offset : 0;
  let tail = chunks.length;
  while (tail > head && chunks[tail - 1].offset + delta >= from && isKeptAfter(chunks[tail - 1])) tail--;
  tail = Math.min(chunks.length, tail + 1);
  while (tail < chunks.length && !isChunkStart(text, chunks[tail].offset + delta)) tail++;
  const to = tail < chunks.length ? chunks[tail].offset + delta : text.length;
  const middle = splitYamlDocuments(text, from, to);
  const shifted = chunks.slice(tail).map((chunk) => ({ offset: chunk.offset + delta, text: chunk.text }));
  return {
    chunks: [...chunks.slice(0, head), ...middle, ...shifted],
    parsed: [...previous.parsed.slice(0, head), ...middle.map((chunk) => cache.parse(chunk.text)), ...previous.parsed.slice(tail)],
  };
}

/** The chunks of a file and their parses, through `cache` when given (and then from the file's last split where it still holds). */
function chunksOf(source: SourceFile, cache?: YamlChunkCache): { chunks: YamlChunk[]; parsed: ParsedChunk[] } {
  if (cache === undefined) {
    const chunks = splitYamlDocuments(source.text);
    return { chunks, parsed: chunks.map((chunk) => parseYamlChunk(chunk.text)) };
  }
  let byName = lastSplits.get(cache);
  if (byName === undefined) lastSplits.set(cache, (byName = new Map()));
  const previous = byName.get(source.name);
  let split: { chunks: YamlChunk[]; parsed: ParsedChunk[] };
  if (previous !== undefined) split = editBetween(previous.text, source.text) === null && previous.text === source.text ? previous : splitAgain(source.text, previous, cache);
  else {
    const chunks = splitYamlDocuments(source.text);
    split = { chunks, parsed: chunks.map((chunk) => cache.parse(chunk.text)) };
  }
  byName.set(source.name, { text: source.text, ...split });
  return split;
}

function parseChunks(source: SourceFile, cache?: YamlChunkCache): ParsedFile {
  const { chunks, parsed } = chunksOf(source, cache);
  const isValid = parsed.every((p) => p.error === undefined);
  const documents: YamlDocument[] = [];
  const issues: Issue[] = [];
  let start: ChunkStart = { line: 1, column: 1 };
  for (const [i, chunk] of parsed.entries()) {
    if (chunk.error) issues.push(syntaxIssue(source.name, chunk.error, start.line - 1));
    documents.push(...placed(chunk, source.name, documents.length, start, isValid));
    const length = chunks[i].text.length;
    const last = chunk.lineStarts[chunk.lineStarts.length - 1];
    start = chunk.lineStarts.length > 1 ? { line: start.line + chunk.lineStarts.length - 1, column: length - last + 1 } : { line: start.line, column: start.column + length };
  }
  return { documents, issues };
}
