import {
  applyPolicyChanges,
  planAllowFlow,
  planDenyFlow,
  type Analysis,
  type PolicyChange,
  type PolicyPort,
  type SourceFile,
} from '../../engine';
import { flowEndOf } from './flowEndOf';

/** A designed flow change: either nothing to do (and why), or the edit to preview and apply. */
export type FlowEdit =
  | { kind: 'none'; message: string }
  | { kind: 'edit'; title: string; descriptions: string[]; apply: (files: SourceFile[]) => SourceFile[] };

function nameOf(nodeId: string): string {
  return nodeId.startsWith('ext:') ? nodeId.slice('ext:'.length).replace(/^other$/, 'any other address') : nodeId;
}

function portsText(ports: readonly PolicyPort[]): string {
  if (ports.length === 0) return 'all ports';
  return ports.map((p) => `${p.protocol} ${p.port === undefined ? '(all ports)' : `${p.port}${p.endPort !== undefined ? `-${p.endPort}` : ''}`}`).join(', ');
}

function editOf(analysis: Analysis, changes: PolicyChange[]): (files: SourceFile[]) => SourceFile[] {
  const fileOf = new Map(analysis.model.workloads.map((w) => [w.id, w.source?.file]));
  return (files) => applyPolicyChanges(files, changes, (id) => fileOf.get(id));
}

/** The minimal policy change that allows `source` → `target` on `ports` (empty: all), as an edit, or why none is needed. */
export function allowFlowEdit(analysis: Analysis, source: string, target: string, ports: readonly PolicyPort[]): FlowEdit {
  const src = flowEndOf(source);
  const dst = flowEndOf(target);
  const flow = `${nameOf(source)} → ${nameOf(target)} on ${portsText(ports)}`;
  if (!src || !dst) return { kind: 'none', message: `A flow needs a workload or an address range at each end.` };
  const plan = planAllowFlow(analysis.evaluation.compiled, analysis.model.policies, src, dst, ports);
  if (plan.isAlreadyAllowed) return { kind: 'none', message: `Already allowed: ${flow}. Nothing to change.` };
  return { kind: 'edit', title: `Allow ${flow}`, descriptions: [...plan.descriptions, ...plan.warnings.map((w) => `Warning: ${w}`)], apply: editOf(analysis, plan.changes) };
}

/** The policy change that stops `source` → `target`, narrowing or removing every rule that admits it, as an edit, or why none is possible. */
export function denyFlowEdit(analysis: Analysis, source: string, target: string): FlowEdit {
  const src = flowEndOf(source);
  const dst = flowEndOf(target);
  const flow = `${nameOf(source)} → ${nameOf(target)}`;
  if (!src || !dst) return { kind: 'none', message: `A flow needs a workload or an address range at each end.` };
  const plan = planDenyFlow(analysis.evaluation.compiled, src, dst);
  if (plan.isAlreadyDenied) return { kind: 'none', message: `Already denied: ${flow}. Nothing to change.` };
  if (plan.changes.length === 0) return { kind: 'none', message: `No rule admits exactly ${flow}, so there is nothing to narrow: edit the policies in the inspector.` };
  return { kind: 'edit', title: `Remove the flow ${flow}`, descriptions: plan.descriptions, apply: editOf(analysis, plan.changes) };
}
