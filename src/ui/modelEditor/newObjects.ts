import { listObjects, type RawMap, type SourceFile } from '../../engine';

/** The first of `prefix-1`, `prefix-2`, … (from `prefix-<first>`) that `taken` does not hold. */
export function nextName(prefix: string, taken: Iterable<string>, first = 1): string {
  const used = new Set(taken);
  for (let n = first; ; n++) if (!used.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

/** A Namespace manifest. */
export function newNamespace(name: string): RawMap {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/** A Deployment manifest `name` in `namespace` whose pods carry `app: <name>`. */
export function newDeployment(name: string, namespace: string): RawMap {
  const labels = { app: name };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels },
    spec: { selector: { matchLabels: labels }, template: { metadata: { labels }, spec: { containers: [{ name, image: 'nginx' }] } } },
  };
}

/** The file new objects of `namespace` go to: the file of its first object, else the first file (undefined when there is none). */
export function fileForNamespace(files: readonly SourceFile[], namespace: string): string | undefined {
  const first = listObjects(files).find(({ ref }) => (ref.kind === 'Namespace' ? ref.name === namespace : ref.namespace === namespace));
  return first?.file ?? files[0]?.name;
}
