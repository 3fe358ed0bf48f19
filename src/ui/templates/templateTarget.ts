import { appendObject, listObjects, policyTemplate, type PolicyTemplateId, type RawMap, type SourceFile, type TemplateOptions } from '../../engine';
import { fileForNamespace, nextName } from '../modelEditor/newObjects';

/** A template applied to one namespace: the policy, where it goes and the files after it is added. */
export interface TemplateTarget {
  manifest: RawMap;
  /** The policy's id, `ns/name`, to select once applied. */
  policyId: string;
  fileName: string;
  files: SourceFile[];
  descriptions: string[];
}

/**
 * The policy template `id` produces for `namespace`, named so that it does not clash
 * with a policy already there (`allow-dns-egress-2`), appended to the file of the
 * namespace's first object (else the first file).
 */
export function templateTarget(files: readonly SourceFile[], id: PolicyTemplateId, namespace: string, options: TemplateOptions = {}): TemplateTarget {
  const manifest = policyTemplate(id, namespace, options);
  const metadata = manifest.metadata as RawMap;
  const taken = listObjects(files)
    .filter(({ ref }) => ref.kind === 'NetworkPolicy' && ref.namespace === namespace)
    .map(({ ref }) => ref.name);
  const base = String(metadata.name);
  const name = taken.includes(base) ? nextName(base, taken, 2) : base;
  const named = { ...manifest, metadata: { ...metadata, name } };
  const fileName = fileForNamespace(files, namespace) ?? 'workspace.yaml';
  return {
    manifest: named,
    policyId: `${namespace}/${name}`,
    fileName,
    files: appendObject(files, named, fileName),
    descriptions: [`Add NetworkPolicy ${namespace}/${name} to ${fileName}`],
  };
}
