import { POLICY_TYPES, PROTOCOLS, type NetworkPolicy, type Peer, type PolicyPort, type PolicyType, type Protocol, type Rule } from '../model/types';
import { validateIPBlock } from '../validate/validateIPBlock';
import { validatePolicyPort } from '../validate/validatePolicyPort';
import { validatePolicyTypes } from '../validate/validatePolicyTypes';
import { decodeSelector } from './decodeSelector';
import { optionalList, optionalMap, optionalString, report, reportFindings, sourceRef, type DecodeContext, type RawMap } from './decodeContext';
import { quoteValue } from '../validate/quoteValue';

function decodePeer(ctx: DecodeContext, raw: unknown, path: string): Peer | undefined {
  const map = optionalMap(ctx, raw, path);
  if (!map) return undefined;
  const podSelector = decodeSelector(ctx, map.podSelector, `${path}.podSelector`);
  const namespaceSelector = decodeSelector(ctx, map.namespaceSelector, `${path}.namespaceSelector`);
  const ipBlock = optionalMap(ctx, map.ipBlock, `${path}.ipBlock`);
  if (ipBlock) {
    if (podSelector || namespaceSelector) {
      report(ctx, 'error', 'peer-ipblock-with-selector', path, 'a peer may not specify both ipBlock and a podSelector/namespaceSelector');
    }
    const cidr = optionalString(ctx, ipBlock.cidr, `${path}.ipBlock.cidr`);
    const except = optionalList(ctx, ipBlock.except, `${path}.ipBlock.except`).map((e, i) => optionalString(ctx, e, `${path}.ipBlock.except[${i}]`));
    reportFindings(ctx, validateIPBlock({ cidr, except }, `${path}.ipBlock`));
    return { kind: 'ipBlock', cidr: cidr ?? '', except: except.map((e) => e ?? '') };
  }
  if (!podSelector && !namespaceSelector) {
    report(ctx, 'error', 'peer-empty', path, 'a peer must specify one of podSelector, namespaceSelector or ipBlock');
    return undefined;
  }
  return { kind: 'selector', podSelector, namespaceSelector };
}

function decodePort(ctx: DecodeContext, raw: unknown, path: string): PolicyPort | undefined {
  const map = optionalMap(ctx, raw, path) ?? {};
  const protocolText = optionalString(ctx, map.protocol, `${path}.protocol`);
  if (protocolText !== undefined && !(PROTOCOLS as readonly string[]).includes(protocolText)) {
    report(ctx, 'error', 'port-protocol', `${path}.protocol`, `unsupported protocol ${quoteValue(protocolText)}: must be TCP, UDP or SCTP`);
    return undefined;
  }
  const out: PolicyPort = { protocol: (protocolText as Protocol | undefined) ?? 'TCP', isProtocolDefaulted: protocolText === undefined };
  if (typeof map.port === 'number' || typeof map.port === 'string') out.port = map.port;
  else if (map.port !== undefined && map.port !== null) {
    report(ctx, 'error', 'invalid-type', `${path}.port`, 'port must be a number or a port name');
    return undefined;
  }
  if (typeof map.endPort === 'number') out.endPort = map.endPort;
  else if (map.endPort !== undefined && map.endPort !== null) {
    report(ctx, 'error', 'invalid-type', `${path}.endPort`, 'endPort must be a number');
    return undefined;
  }
  reportFindings(ctx, validatePolicyPort(out, path));
  return out;
}

function decodeRules(ctx: DecodeContext, spec: RawMap, direction: 'ingress' | 'egress'): Rule[] {
  const peersKey = direction === 'ingress' ? 'from' : 'to';
  return optionalList(ctx, spec[direction], `spec.${direction}`).map((raw, i) => {
    const path = `spec.${direction}[${i}]`;
    const map = optionalMap(ctx, raw, path) ?? {};
    const peers: Peer[] = [];
    optionalList(ctx, map[peersKey], `${path}.${peersKey}`).forEach((p, j) => {
      const peer = decodePeer(ctx, p, `${path}.${peersKey}[${j}]`);
      if (peer) peers.push(peer);
    });
    const ports: PolicyPort[] = [];
    optionalList(ctx, map.ports, `${path}.ports`).forEach((p, j) => {
      const port = decodePort(ctx, p, `${path}.ports[${j}]`);
      if (port) ports.push(port);
    });
    return { peers, ports };
  });
}

function decodePolicyTypes(ctx: DecodeContext, spec: RawMap, egressCount: number): Pick<NetworkPolicy, 'policyTypes' | 'isPolicyTypesDefaulted'> {
  const listed: PolicyType[] = [];
  const written = optionalList(ctx, spec.policyTypes, 'spec.policyTypes');
  reportFindings(ctx, validatePolicyTypes(written, 'spec.policyTypes'));
  written.forEach((t, i) => {
    if ((POLICY_TYPES as readonly unknown[]).includes(t)) {
      if (!listed.includes(t as PolicyType)) listed.push(t as PolicyType);
    } else {
      report(ctx, 'error', 'policy-type', `spec.policyTypes[${i}]`, `unsupported policyType ${quoteValue(t)}: must be Ingress or Egress`);
    }
  });
  if (listed.length > 0 || (Array.isArray(spec.policyTypes) && spec.policyTypes.length > 0)) {
    return { policyTypes: listed, isPolicyTypesDefaulted: false };
  }
  return { policyTypes: egressCount > 0 ? ['Ingress', 'Egress'] : ['Ingress'], isPolicyTypesDefaulted: true };
}

/**
 * Decodes a NetworkPolicy and applies the API server's defaults (semantics §2):
 * absent policyTypes become Ingress plus Egress only when egress rules exist;
 * absent protocols become TCP.
 */
export function decodePolicy(ctx: DecodeContext, raw: RawMap, name: string, namespace: string): NetworkPolicy {
  const spec = optionalMap(ctx, raw.spec, 'spec') ?? {};
  const podSelector = decodeSelector(ctx, spec.podSelector, 'spec.podSelector') ?? { matchLabels: {}, matchExpressions: [] };
  const ingress = decodeRules(ctx, spec, 'ingress');
  const egress = decodeRules(ctx, spec, 'egress');
  return {
    id: `${namespace}/${name}`,
    namespace,
    name,
    podSelector,
    ...decodePolicyTypes(ctx, spec, egress.length),
    ingress,
    egress,
    source: sourceRef(ctx, ''),
  };
}
