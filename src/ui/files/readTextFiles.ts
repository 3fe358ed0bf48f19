import type { SourceFile } from '../../engine';

/** Files larger than this are refused rather than read into the editor. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

/** The files that could be read as text, and a sentence for each one that could not. */
export interface ReadResult {
  files: SourceFile[];
  problems: string[];
}

async function readOne(file: File): Promise<SourceFile | string> {
  if (file.size > MAX_FILE_BYTES) return `${file.name} is too large (${Math.round(file.size / 1024 / 1024)} MB; at most 20 MB).`;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
    if (text.includes('\u0000')) return `${file.name} is not a text file; expected YAML or JSON.`;
    return { name: file.name, text };
  } catch (error) {
    if (error instanceof TypeError) return `${file.name} is not a text file; expected YAML or JSON.`;
    return `${file.name} could not be read: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** Reads files as UTF-8 text, in order; binary, undecodable, unreadable or huge files become problems, never throws. */
export async function readTextFiles(files: readonly File[]): Promise<ReadResult> {
  const results = await Promise.all(files.map(readOne));
  return {
    files: results.filter((r): r is SourceFile => typeof r !== 'string'),
    problems: results.filter((r): r is string => typeof r === 'string'),
  };
}
