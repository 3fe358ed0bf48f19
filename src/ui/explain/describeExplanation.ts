import type { Explanation, Model, NetworkPolicy, PeerVerdict, PortVerdict, RuleVerdict, SideExplanation, TierMatch } from '../../engine';
import { describePeer, describePort } from '../inspector/describePolicy';

/** A piece of an explanation: plain text, or a link that selects a policy (and names its rule). */
export type ExplainPart = { text: string } | { policy: string; rule?: { direction: 'ingress' | 'egress'; index: number }; text: string };

/** One sentence per side plus, for a denied side, the nearest rule that almost matched. */
export interface ExplainSentence {
  side: 'egress' | 'ingress';
  isAllowed: boolean;
  parts: ExplainPart[];
}

const PEER_REASON: Record<PeerVerdict['reason'], string> = {
  'namespace-differs': 'the peer looks in other namespaces',
  'pod-differs': 'the pod labels do not match',
  'address-outside': 'the address is outside the ipBlock',
  'address-excepted': 'the address is in the ipBlock’s except',
  'not-an-address': 'an ipBlock does not match this pod',
  'not-a-pod': 'a pod selector does not match an external address',
  match: 'matches',
};

const PORT_REASON: Record<PortVerdict['reason'], string> = {
  'protocol-differs': 'another protocol',
  'port-differs': 'another port',
  'named-port-unresolved': 'a named port the destination does not declare',
  'named-port-to-address': 'a named port, which never matches an external address',
  match: 'matches',
};

function ruleText(policy: NetworkPolicy | undefined, r: RuleVerdict): string {
  const rule = policy?.[r.direction][r.ruleIndex];
  if (!rule || !policy) return '';
  const peers = rule.peers.length === 0 ? (r.direction === 'ingress' ? 'from anywhere' : 'to anywhere') : `${r.direction === 'ingress' ? 'from' : 'to'} ${rule.peers.map((p) => describePeer(p, policy.namespace)).join(' or ')}`;
  const ports = rule.ports.length === 0 ? 'any port' : rule.ports.map(describePort).join(', ');
  return `${peers}, ${ports}`;
}

/** How close a rule came: 2 = right peer or right port, more when both parts are nearly right. */
function closeness(r: RuleVerdict): number {
  return (r.isPeerMatch ? 2 : 0) + (r.isPortMatch ? 2 : 0) + (r.peers.some((p) => p.reason === 'pod-differs' || p.reason === 'namespace-differs') ? 1 : 0);
}

function nearMiss(r: RuleVerdict): string {
  if (r.isPeerMatch) {
    const port = r.ports.find((p) => p.reason !== 'match');
    return `right peer, but ${port ? `the port is ${PORT_REASON[port.reason]}` : 'not this port'}`;
  }
  const peer = r.peers.find((p) => !p.isMatch);
  return `${r.isPortMatch ? 'right port, but ' : ''}${peer ? PEER_REASON[peer.reason] : 'the peer does not match'}`;
}

/** `Admin AdminNetworkPolicy guardrails priority 10 rule "deny-to-kube-system" (2): Deny`. */
function tierText(m: TierMatch): string {
  const rule = m.ruleName === '' ? `rule ${m.ruleIndex + 1}` : `rule "${m.ruleName}"`;
  return `${m.tier} ${m.policy}${m.tier === 'Admin' ? ` priority ${m.priority}` : ''} ${rule}: ${m.action}`;
}

/** What the layers below the Admin tier say (after an Admin Pass or no Admin match), without the side's label. */
function belowAdmin(side: SideExplanation, policies: ReadonlyMap<string, NetworkPolicy>): { isAllowed: boolean; parts: ExplainPart[] } {
  if (side.decidedBy === 'baseline' && side.baseline) {
    const outcome = side.baseline.action === 'Deny' ? 'denied' : side.baseline.action === 'Accept' ? 'allowed' : 'passed to the default allow';
    return { isAllowed: side.isAllowed, parts: [{ text: `no NetworkPolicy isolates it; ${tierText(side.baseline)} — ${outcome}.` }] };
  }
  return networkPolicyParts(side, policies);
}

function sideSentence(side: SideExplanation, subject: string, policies: ReadonlyMap<string, NetworkPolicy>): ExplainSentence {
  const label = side.direction === 'egress' ? `Egress from ${subject}` : `Ingress to ${subject}`;
  if (side.admin && side.decidedBy === 'admin') return { side: side.direction, isAllowed: side.isAllowed, parts: [{ text: `${label}: ${tierText(side.admin)} — final, nothing below it counts.` }] };
  const below = belowAdmin(side, policies);
  const next = side.decidedBy === 'baseline' || side.decidedBy === 'default' ? 'Baseline tier' : 'NetworkPolicy tier';
  const lead = side.admin ? `${label}: ${tierText(side.admin)} → ${next}: ` : `${label}: `;
  const [first, ...rest] = below.parts;
  const parts: ExplainPart[] = 'policy' in first ? [{ text: lead }, ...below.parts] : [{ text: `${lead}${first.text}` }, ...rest];
  return { side: side.direction, isAllowed: below.isAllowed, parts };
}

function networkPolicyParts(side: SideExplanation, policies: ReadonlyMap<string, NetworkPolicy>): { isAllowed: boolean; parts: ExplainPart[] } {
  if (side.workload === undefined) return { isAllowed: true, parts: [{ text: 'an address outside the cluster; no policy governs it.' }] };
  if (!side.isIsolated) return { isAllowed: true, parts: [{ text: `not isolated — no policy with ${side.direction === 'egress' ? 'Egress' : 'Ingress'} selects it, so everything is allowed.` }] };
  const parts: ExplainPart[] = [{ text: 'isolated by ' }];
  side.isolatingPolicies.forEach((id, i) => parts.push(...(i > 0 ? [{ text: ', ' }] : []), { policy: id, text: id }));
  const allowing = side.rules.filter((r) => r.isAllowing);
  if (allowing.length > 0) {
    parts.push({ text: '; allowed by ' });
    allowing.forEach((r, i) => {
      if (i > 0) parts.push({ text: ' and ' });
      parts.push({ policy: r.policy, rule: { direction: r.direction, index: r.ruleIndex }, text: `${r.policy} ${r.direction} rule ${r.ruleIndex + 1}` });
      parts.push({ text: ` (${ruleText(policies.get(r.policy), r)})` });
    });
    parts.push({ text: '.' });
    return { isAllowed: true, parts };
  }
  parts.push({ text: side.rules.length === 0 ? '; these policies have no rules, so nothing is allowed.' : '; no rule allows it.' });
  const nearest = [...side.rules].sort((a, b) => closeness(b) - closeness(a))[0];
  if (nearest && closeness(nearest) > 0) {
    parts.push({ text: ' Nearest: ' }, { policy: nearest.policy, rule: { direction: nearest.direction, index: nearest.ruleIndex }, text: `${nearest.policy} ${nearest.direction} rule ${nearest.ruleIndex + 1}` }, { text: ` (${ruleText(policies.get(nearest.policy), nearest)}) — ${nearMiss(nearest)}.` });
  }
  return { isAllowed: false, parts };
}

/** An explanation in plain language: a sentence for the source's egress and one for the destination's ingress, with policy links. */
export function describeExplanation(e: Explanation, model: Model): ExplainSentence[] {
  const policies = new Map(model.policies.map((p) => [p.id, p]));
  const name = (end: Explanation['query']['src']) => ('ip' in end ? end.ip : (model.workloads.find((w) => w.id === end.workload)?.name ?? end.workload));
  return [sideSentence(e.egress, name(e.query.src), policies), sideSentence(e.ingress, name(e.query.dst), policies)];
}
