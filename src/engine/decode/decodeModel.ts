import { WORKLOAD_KINDS, type Issue, type Model, type Namespace, type NetworkPolicy, type SourceFile, type Workload } from '../model/types';
import { parseYamlFile } from '../yaml/parseYamlFile';
import { sharedYamlChunkCache } from '../yaml/yamlChunkCache';
import { decodePolicy } from './decodePolicy';
import { expandLists } from './expandLists';
import { decodeWorkload } from './decodeWorkload';
import { validateName } from '../validate/validateName';
import { decodeLabels } from './decodeLabels';
import { optionalMap, optionalString, report, reportFindings, sourceRef, type DecodeContext } from './decodeContext';

/** The label every namespace carries with its own name. */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** The decoded model, the issues met, and which objects (by `Kind ns/name`) have errors. */
export interface DecodedModel {
  model: Model;
  issues: Issue[];
  invalidObjects: ReadonlySet<string>;
}

function namespaceOf(labels: Record<string, string>, name: string, isDeclared: boolean, ctx?: DecodeContext): Namespace {
  return {
    name,
    labels: { ...labels, [NAMESPACE_NAME_LABEL]: name },
    isDeclared,
    ...(ctx ? { source: sourceRef(ctx, '') } : {}),
  };
}

function mergeWorkload(into: Workload, extra: Workload): Workload {
  const ports = [...into.ports];
  for (const p of extra.ports) {
    if (!ports.some((q) => q.containerPort === p.containerPort && q.protocol === p.protocol && q.name === p.name)) ports.push(p);
  }
  return { ...into, ports, ips: [...new Set([...into.ips, ...extra.ips])], hostNetwork: into.hostNetwork || extra.hostNetwork };
}

/**
 * Decodes files of Kubernetes manifests into the model: 1. parse YAML/JSON,
 * 2. expand `List` kinds, 3. decode each object, recording issues with their
 * field path and line, 4. add namespaces that are referenced but not declared.
 */
export function decodeModel(files: readonly SourceFile[]): DecodedModel {
  const issues: Issue[] = [];
  const invalidObjects = new Set<string>();
  const namespaces = new Map<string, Namespace>();
  const workloads = new Map<string, Workload>();
  const policies: NetworkPolicy[] = [];
  const others: Model['others'] = [];
  const seen = new Set<string>();

  for (const file of files) {
    const parsed = parseYamlFile(file, sharedYamlChunkCache);
    issues.push(...parsed.issues);
    for (const doc of parsed.documents) {
      for (const { base, raw, kind } of expandLists(doc, issues)) {
        const before = issues.length;
        const isValid = () => !issues.slice(before).some((i) => i.severity === 'error');
        const probe: DecodeContext = { doc, base, object: kind, issues };
        const metadata = optionalMap(probe, raw.metadata, 'metadata') ?? {};
        const name = optionalString(probe, metadata.name, 'metadata.name') ?? '';
        const isNamespaced = kind !== 'Namespace';
        const namespace = isNamespaced ? optionalString(probe, metadata.namespace, 'metadata.namespace') || 'default' : '';
        const object = isNamespaced ? `${kind} ${namespace}/${name}` : `${kind} ${name}`;
        const ctx: DecodeContext = { doc, base, object, issues };
        for (const issue of issues.slice(before)) issue.object = object;
        const isModelled = kind === 'Namespace' || kind === 'NetworkPolicy' || (WORKLOAD_KINDS as readonly string[]).includes(kind);
        if (name === '') report(ctx, 'error', 'required', 'metadata.name', 'metadata.name is required');
        else if (seen.has(object)) report(ctx, 'error', 'duplicate-name', 'metadata.name', `${object} is defined more than once`);
        seen.add(object);
        if (isModelled) reportFindings(ctx, validateName(kind, name, isNamespaced ? namespace : undefined));
        const labels = isModelled && kind !== 'Pod' ? decodeLabels(ctx, metadata.labels, 'metadata.labels') : {};
        if (kind === 'Namespace') {
          const ns = namespaceOf(labels, name, true, ctx);
          if (isValid()) namespaces.set(name, ns);
        } else if ((WORKLOAD_KINDS as readonly string[]).includes(kind)) {
          const w = decodeWorkload(ctx, raw, kind, name, namespace);
          if (isValid()) {
            const existing = workloads.get(w.id);
            workloads.set(w.id, existing ? mergeWorkload(existing, w) : w);
          }
        } else if (kind === 'NetworkPolicy') {
          const p = decodePolicy(ctx, raw, name, namespace);
          if (isValid()) policies.push(p);
        } else {
          others.push({ kind, name, ...(isNamespaced ? { namespace } : {}), source: sourceRef(ctx, '') });
          report(ctx, 'info', 'ignored-kind', '', `${kind} is not part of NetworkPolicy analysis; kept aside`);
        }
        if (!isValid()) invalidObjects.add(object);
      }
    }
  }
  for (const ns of [...workloads.values(), ...policies].map((o) => o.namespace)) {
    if (!namespaces.has(ns)) namespaces.set(ns, namespaceOf({}, ns, false));
  }
  return {
    model: { namespaces: [...namespaces.values()], workloads: [...workloads.values()], policies, others },
    issues,
    invalidObjects,
  };
}
