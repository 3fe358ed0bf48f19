import type { SourceFile } from '../../engine';

/** The files of a workspace as one YAML text, each introduced by a comment naming it (for a download that keeps them all). */
export function workspaceText(files: readonly SourceFile[]): string {
  return files.map((file) => `# file: ${file.name.replace(/[\r\n]/g, ' ')}\n${file.text.endsWith('\n') || file.text === '' ? file.text : `${file.text}\n`}`).join('---\n');
}

/** A value kept in storage as readable text: as it is when it is text, else as indented JSON (or a note when it cannot be written as JSON). */
export function storedText(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return '(the stored value cannot be written as JSON)';
  }
}
