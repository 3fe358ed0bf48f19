import { parseYamlChunk, type ParsedChunk } from './parseYamlChunk';

/**
 * Parses chunks of YAML through a bounded least-recently-used memo keyed by their exact
 * text. The values it returns are shared by every caller and deeply frozen: a caller that
 * edits them must copy first (a mutation throws instead of corrupting later parses).
 */
export interface YamlChunkCache {
  /** What {@link parseYamlChunk} gives for `text`, parsed at most once while it stays cached. */
  parse(text: string): ParsedChunk;
  /** How many chunks were parsed (misses) and served from the memo (hits) so far. */
  readonly stats: { readonly parses: number; readonly hits: number };
}

/** Bounds of a {@link YamlChunkCache}: the least recently used chunks go first when either is passed. */
export interface YamlChunkCacheLimits {
  maxChunks: number;
  maxChars: number;
}

/** Freezes `value` and everything in it, stopping at what is frozen already (the block parser's values are made frozen). */
function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}

/**
 * A copy of `text` that does not keep the string it was sliced from alive: a chunk sliced
 * from a 2 MB file would otherwise hold the whole file in memory for as long as it is cached
 * (V8 keeps slices as views on their parent; the concatenation is flattened into a new string).
 */
function detached(text: string): string {
  return ` ${text}`.slice(1);
}

/** Creates a {@link YamlChunkCache}; by default it holds up to 65,536 chunks and 32 million characters of YAML (a 5,000-workload cluster is 19,000 documents). */
export function createYamlChunkCache(limits: Partial<YamlChunkCacheLimits> = {}): YamlChunkCache {
  const maxChunks = limits.maxChunks ?? 65_536;
  const maxChars = limits.maxChars ?? 32_000_000;
  const entries = new Map<string, { key: string; parsed: ParsedChunk }>();
  let chars = 0;
  const stats = { parses: 0, hits: 0 };
  return {
    stats,
    parse(text) {
      const cached = entries.get(text);
      if (cached !== undefined) {
        stats.hits++;
        entries.delete(cached.key);
        entries.set(cached.key, cached);
        return cached.parsed;
      }
      stats.parses++;
      const key = detached(text);
      const parsed = parseYamlChunk(key, true);
      deepFreeze(parsed.values);
      Object.freeze(parsed);
      entries.set(key, { key, parsed });
      chars += key.length;
      for (const [oldest] of entries) {
        if (entries.size <= maxChunks && chars <= maxChars) break;
        entries.delete(oldest);
        chars -= oldest.length;
      }
      return parsed;
    },
  };
}

/** The memo `decodeModel` parses through, so a keystroke in the editor re-parses only the document it changed. */
export const sharedYamlChunkCache: YamlChunkCache = createYamlChunkCache();
