import type { RawMap } from '../../engine';
import { getIn, setIn } from './rawPath';

/** One container port row as written: the number stays text when it is not a number, so nothing typed is lost. */
export interface PortRow {
  name: string;
  containerPort: string;
  protocol: string;
}

const APPS_SELECTOR_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'];

/** Where a workload kind keeps its pod template (`[]` for a Pod itself). */
export function podTemplatePath(kind: string): string[] {
  if (kind === 'Pod') return [];
  return kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec', 'template'] : ['spec', 'template'];
}

/** The dotted field path of the pod labels of `kind`, as issues name it. */
export function podLabelsPath(kind: string): string {
  return [...podTemplatePath(kind), 'metadata', 'labels'].join('.');
}

/** The dotted field path of the first container's ports of `kind`, as issues name it. */
export function containerPortsPath(kind: string): string {
  return `${[...podTemplatePath(kind), 'spec', 'containers'].join('.')}[0].ports`;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);
}

/** The pod labels of a workload object as written, in order, values as text. */
export function readPodLabels(raw: RawMap, kind: string): [string, string][] {
  const labels = getIn(raw, [...podTemplatePath(kind), 'metadata', 'labels']);
  if (typeof labels !== 'object' || labels === null || Array.isArray(labels)) return [];
  return Object.entries(labels).map(([key, value]) => [key, text(value)]);
}

/** The first container's ports of a workload object as written. */
export function readContainerPorts(raw: RawMap, kind: string): PortRow[] {
  const containers = getIn(raw, [...podTemplatePath(kind), 'spec', 'containers']);
  const ports = Array.isArray(containers) ? getIn(containers[0], ['ports']) : undefined;
  if (!Array.isArray(ports)) return [];
  return ports.map((port) => ({
    name: text(getIn(port, ['name'])),
    containerPort: text(getIn(port, ['containerPort'])),
    protocol: text(getIn(port, ['protocol'])) || 'TCP',
  }));
}

/** The selector labels that follow new pod labels: kept keys take the new values; when none is left, all the labels. */
function followingSelector(selector: Readonly<Record<string, unknown>>, labels: Readonly<Record<string, string>>): Record<string, string> {
  const kept = Object.fromEntries(Object.keys(selector).filter((key) => key in labels).map((key) => [key, labels[key]]));
  return Object.keys(kept).length > 0 ? kept : { ...labels };
}

/**
 * Sets the pod labels of a workload object (a controller's pod template, or a Pod's
 * own metadata); an `apps/v1` `spec.selector.matchLabels` (or a ReplicationController's
 * `spec.selector`) follows them so that the controller keeps selecting its pods.
 */
export function setWorkloadLabels(raw: RawMap, kind: string, labels: Readonly<Record<string, string>>): RawMap {
  const isEmpty = Object.keys(labels).length === 0;
  let next = setIn(raw, [...podTemplatePath(kind), 'metadata', 'labels'], isEmpty ? undefined : { ...labels });
  if (isEmpty) return next;
  const matchLabels = getIn(raw, ['spec', 'selector', 'matchLabels']);
  if (APPS_SELECTOR_KINDS.includes(kind) && typeof matchLabels === 'object' && matchLabels !== null && !Array.isArray(matchLabels)) {
    next = setIn(next, ['spec', 'selector', 'matchLabels'], followingSelector(matchLabels as Record<string, unknown>, labels));
  }
  const rcSelector = getIn(raw, ['spec', 'selector']);
  if (kind === 'ReplicationController' && typeof rcSelector === 'object' && rcSelector !== null && !Array.isArray(rcSelector)) {
    next = setIn(next, ['spec', 'selector'], followingSelector(rcSelector as Record<string, unknown>, labels));
  }
  return next;
}

function portToRaw(row: PortRow): RawMap {
  const number = /^\d+$/.test(row.containerPort.trim()) ? Number(row.containerPort.trim()) : row.containerPort;
  return { ...(row.name !== '' ? { name: row.name } : {}), containerPort: number, protocol: row.protocol };
}

/** Sets the first container's ports of a workload object (creating a container named after the object when it has none). */
export function setContainerPorts(raw: RawMap, kind: string, ports: readonly PortRow[]): RawMap {
  const containersPath = [...podTemplatePath(kind), 'spec', 'containers'];
  const written = getIn(raw, containersPath);
  const containers: unknown[] = Array.isArray(written) && written.length > 0 ? [...written] : [{ name: String(getIn(raw, ['metadata', 'name']) ?? 'main'), image: 'nginx' }];
  const first = typeof containers[0] === 'object' && containers[0] !== null && !Array.isArray(containers[0]) ? (containers[0] as RawMap) : {};
  containers[0] = setIn(first, ['ports'], ports.length > 0 ? ports.map(portToRaw) : undefined);
  return setIn(raw, containersPath, containers);
}
