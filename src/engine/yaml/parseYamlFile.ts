import type { Issue, SourceFile } from '../model/types';
import { splitYamlDocuments } from './splitYamlDocuments';
import { parseYamlChunk, type ChunkError, type ParsedChunk } from './parseYamlChunk';
import type { YamlChunkCache } from './yamlChunkCache';

/** One YAML document of a file, with a way to find where a field path sits in the text. */
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

/** Where a chunk starts in its file: 1-based line and column (a chunk may start after a lone `\r`, mid-line for {@link lineIndex}). */
interface ChunkStart {
  line: number;
  column: number;
}

/** The file's 1-based line/column of `offset` in the chunk, counting lines by `\n` as `lineIndex` does. */
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

/**
 * Parses a multi-document YAML (or JSON) file. When one document has a syntax
 * error, the others are still returned (empty ones left out), and the error
 * carries its line/column. 1. Split the file at its `---` markers, 2. parse each
 * chunk, through `cache` when given (memoised by its exact text, so an edit
 * re-parses only the chunk it touched; the values are then shared and frozen),
 * 3. place documents and issues at their lines in the file.
 */
export function parseYamlFile(source: SourceFile, cache?: YamlChunkCache): ParsedFile {
  const chunks = splitYamlDocuments(source.text);
  const parsed = chunks.map((chunk) => (cache ? cache.parse(chunk.text) : parseYamlChunk(chunk.text)));
  const isValid = parsed.every((p) => p.error === undefined);
  const documents: YamlDocument[] = [];
  const issues: Issue[] = [];
  let start: ChunkStart = { line: 1, column: 1 };
  for (const [i, chunk] of parsed.entries()) {
    if (chunk.error) issues.push(syntaxIssue(source.name, chunk.error, start.line - 1));
    const base = documents.length;
    const at = start;
    for (const [k, value] of chunk.values.entries()) {
      if (!isValid && value === null) continue;
      const offsets = chunk.offsets[k] ?? new Map<string, number>();
      documents.push({
        file: source.name,
        index: base + k,
        value,
        locate(path: string) {
          let p = path;
          while (!offsets.has(p) && p !== '') p = parentPath(p);
          const offset = offsets.get(p);
          // A node without a position: the whole-file parse of a valid file pointed at the file's start.
          if (offset === undefined) return isValid ? { line: 1, column: 1 } : positionIn(chunk, at, 0);
          return positionIn(chunk, at, offset);
        },
      });
    }
    const length = chunks[i].text.length;
    const last = chunk.lineStarts[chunk.lineStarts.length - 1];
    start = chunk.lineStarts.length > 1 ? { line: start.line + chunk.lineStarts.length - 1, column: length - last + 1 } : { line: start.line, column: start.column + length };
  }
  return { documents, issues };
}
