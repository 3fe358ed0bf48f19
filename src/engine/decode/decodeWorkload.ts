import { PROTOCOLS, type ContainerPort, type Protocol, type Workload } from '../model/types';
import { validateContainerPorts } from '../validate/validateContainerPorts';
import { validateOwnerReference } from '../validate/validateOwnerReference';
import { quoteValue } from '../validate/quoteValue';
import { SELECTOR_REQUIRED_KINDS, validateWorkloadSelector } from '../validate/validateWorkloadSelector';
import { decodeLabels } from './decodeLabels';
import { decodeSelector } from './decodeSelector';
import { isRawMap, optionalList, optionalMap, optionalString, report, reportFindings, sourceRef, type DecodeContext, type RawMap } from './decodeContext';

function templatePath(kind: string): string {
  if (kind === 'Pod') return '';
  return kind === 'CronJob' ? 'spec.jobTemplate.spec.template' : 'spec.template';
}

function get(raw: RawMap, path: string): unknown {
  let cur: unknown = raw;
  for (const key of path.split('.')) cur = isRawMap(cur) ? cur[key] : undefined;
  return cur;
}

function decodePorts(ctx: DecodeContext, podSpec: RawMap, specPath: string): ContainerPort[] {
  const ports: ContainerPort[] = [];
  optionalList(ctx, podSpec.containers, `${specPath}.containers`).forEach((c, i) => {
    const container = optionalMap(ctx, c, `${specPath}.containers[${i}]`) ?? {};
    const portsPath = `${specPath}.containers[${i}].ports`;
    const written = optionalList(ctx, container.ports, portsPath).map((p, j): ContainerPort | undefined => {
      const path = `${portsPath}[${j}]`;
      const port = optionalMap(ctx, p, path) ?? {};
      const protocol = optionalString(ctx, port.protocol, `${path}.protocol`) ?? 'TCP';
      if (!(PROTOCOLS as readonly string[]).includes(protocol)) {
        report(ctx, 'error', 'port-protocol', `${path}.protocol`, `unsupported protocol ${quoteValue(protocol)}: must be TCP, UDP or SCTP`);
        return undefined;
      }
      if (typeof port.containerPort !== 'number') {
        report(ctx, 'warning', 'port-ignored', `${path}.containerPort`, 'containerPort is missing or not a number; this port is ignored');
        return undefined;
      }
      const name = optionalString(ctx, port.name, `${path}.name`);
      return { ...(name !== undefined ? { name } : {}), containerPort: port.containerPort, protocol: protocol as Protocol };
    });
    reportFindings(ctx, validateContainerPorts(written, portsPath));
    for (const port of written) if (port) ports.push(port);
  });
  return ports;
}

/** The controller owner a Pod is named after (semantics §1), when its kind and name are valid (else reported, and undefined). */
function ownerIdentity(ctx: DecodeContext, metadata: RawMap): { name: string; kind: string } | undefined {
  const refs = Array.isArray(metadata.ownerReferences) ? metadata.ownerReferences : [];
  const index = refs.findIndex((r) => isRawMap(r) && r.controller === true);
  const owner = refs[index] as RawMap | undefined;
  if (!owner || owner.kind === 'Node') return undefined;
  const { findings, isUsable } = validateOwnerReference(owner, `metadata.ownerReferences[${index}]`);
  reportFindings(ctx, findings);
  return isUsable ? { name: owner.name as string, kind: typeof owner.kind === 'string' && owner.kind !== '' ? owner.kind : 'Pod' } : undefined;
}

function podIPs(raw: RawMap): string[] {
  const status = isRawMap(raw.status) ? raw.status : {};
  const ips = new Set<string>();
  if (typeof status.podIP === 'string') ips.add(status.podIP);
  for (const entry of Array.isArray(status.podIPs) ? status.podIPs : []) {
    if (isRawMap(entry) && typeof entry.ip === 'string') ips.add(entry.ip);
  }
  return [...ips];
}

/**
 * Decodes a Pod or a workload controller into one workload node (semantics §1):
 * controllers contribute their pod template; a Pod with a controller owner
 * (other than a Node) is named after that owner, taken as written.
 */
export function decodeWorkload(ctx: DecodeContext, raw: RawMap, kind: string, name: string, namespace: string): Workload {
  const tPath = templatePath(kind);
  const template = tPath === '' ? raw : optionalMap(ctx, get(raw, tPath), tPath) ?? {};
  const metaPath = tPath === '' ? 'metadata' : `${tPath}.metadata`;
  const specPath = tPath === '' ? 'spec' : `${tPath}.spec`;
  const metadata = optionalMap(ctx, template.metadata, metaPath) ?? {};
  const podSpec = optionalMap(ctx, template.spec, specPath) ?? {};
  const owner = kind === 'Pod' ? ownerIdentity(ctx, isRawMap(raw.metadata) ? raw.metadata : {}) : undefined;
  const identity = owner ?? { name, kind };
  const labels = decodeLabels(ctx, metadata.labels, `${metaPath}.labels`);
  if (raw.apiVersion === 'apps/v1' && (SELECTOR_REQUIRED_KINDS as readonly string[]).includes(kind)) {
    const spec = optionalMap(ctx, raw.spec, 'spec') ?? {};
    reportFindings(ctx, validateWorkloadSelector(kind, decodeSelector(ctx, spec.selector, 'spec.selector'), labels, tPath));
  }
  return {
    id: `${namespace}/${identity.name}[${identity.kind}]`,
    namespace,
    name: identity.name,
    kind: identity.kind,
    labels,
    ports: decodePorts(ctx, podSpec, specPath),
    ips: kind === 'Pod' ? podIPs(raw) : [],
    hostNetwork: podSpec.hostNetwork === true,
    source: sourceRef(ctx, ''),
  };
}
