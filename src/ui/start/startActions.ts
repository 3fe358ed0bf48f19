import { appendObject, type SourceFile } from '../../engine';

/** The file a new, empty workspace types or designs into. */
export const WORKSPACE_FILE = 'workspace.yaml';

/** The namespace "Start designing" adds, so there is a frame to put workloads in. */
export const FIRST_NAMESPACE = 'default';

/** The files with the first namespace appended to `workspace.yaml` (created when absent). */
export function withFirstNamespace(files: SourceFile[]): SourceFile[] {
  const target = files.some((f) => f.name === WORKSPACE_FILE) ? WORKSPACE_FILE : files[0]?.name;
  return appendObject(files, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: FIRST_NAMESPACE } }, target);
}

/** The file to paste YAML into: the first file, or a new empty `workspace.yaml` when the workspace has none. */
export function pasteTarget(files: readonly SourceFile[]): { name: string; isNew: boolean } {
  return files.length > 0 ? { name: files[0].name, isNew: false } : { name: WORKSPACE_FILE, isNew: true };
}
