import {
  applyPolicyChanges,
  editObject,
  isEmptyConns,
  planAllowFlow,
  planDenyFlow,
  type Analysis,
  type ExactFix,
  type PolicyChange,
  type PolicyPort,
  type SideEffect,
  type SourceFile,
} from '../../engine';
import { compactConns } from '../../store/graph/compactConns';
import { selectAnalysis } from '../../store/selectAnalysis';
import { readPodLabels, setWorkloadLabels } from '../modelEditor/workloadFields';
import { flowEndOf } from '../../store/graph/flowEndOf';

/** The what-if label edit that makes a plan exact, and the plan made again once it is applied. */
export interface FlowExactFix {
  description: string;
  apply: (files: SourceFile[]) => SourceFile[];
  replan: (files: SourceFile[]) => FlowEdit;
}

/** A designed flow change: either nothing to do (and why), or the edit to preview and apply, with what else it changes. */
export type FlowEdit =
  | { kind: 'none'; message: string }
  | { kind: 'edit'; title: string; descriptions: string[]; sideEffects: string[]; exactFix?: FlowExactFix; apply: (files: SourceFile[]) => SourceFile[] };

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

/** A side effect in words: `src → dst: before becomes after (reason)`. */
export function sideEffectText(e: SideEffect): string {
  const name = (id: string) => id.replace(/\[(External)\]$/, ' (external)');
  const conns = (c: SideEffect['before']) => (isEmptyConns(c) ? 'nothing' : compactConns(c));
  return `${name(e.src)} → ${name(e.dst)}: ${conns(e.before)} becomes ${conns(e.after)} (${e.reason})`;
}

function labelFix(analysis: Analysis, fix: ExactFix | undefined, replan: (a: Analysis) => FlowEdit): FlowExactFix | undefined {
  const workload = fix && analysis.model.workloads.find((w) => w.id === fix.workload);
  if (!fix || !workload) return undefined;
  const ref = { kind: workload.kind, namespace: workload.namespace, name: workload.name };
  return {
    description: fix.description,
    apply: (files) => editObject(files, ref, (raw) => setWorkloadLabels(raw, workload.kind, { ...Object.fromEntries(readPodLabels(raw, workload.kind)), ...fix.labels })),
    replan: (files) => replan(selectAnalysis({ files })),
  };
}

const context = (analysis: Analysis) => ({ model: analysis.model, evaluation: analysis.evaluation, inferWorkloads: true });

/** The policy change that allows `source` → `target` on `ports` (empty: all) and nothing else, as an edit naming what else it would change, or why none is needed or possible. */
export function allowFlowEdit(analysis: Analysis, source: string, target: string, ports: readonly PolicyPort[]): FlowEdit {
  const src = flowEndOf(source);
  const dst = flowEndOf(target);
  const flow = `${nameOf(source)} → ${nameOf(target)} on ${portsText(ports)}`;
  if (!src || !dst) return { kind: 'none', message: `A flow needs a workload or an address range at each end.` };
  const plan = planAllowFlow(context(analysis), src, dst, ports);
  if (plan.refusal) return { kind: 'none', message: `Cannot allow ${flow}: ${plan.refusal}` };
  if (plan.isAlreadyAllowed) return { kind: 'none', message: `Already allowed: ${flow}. Nothing to change.` };
  const exactFix = labelFix(analysis, plan.exactFix, (a) => allowFlowEdit(a, source, target, ports));
  return { kind: 'edit', title: `Allow ${flow}`, descriptions: plan.descriptions, sideEffects: plan.sideEffects.map(sideEffectText), ...(exactFix ? { exactFix } : {}), apply: editOf(analysis, plan.changes) };
}

/** The policy change that stops `source` → `target` and nothing else, as an edit naming what else it would change, or why none is needed or possible. */
export function denyFlowEdit(analysis: Analysis, source: string, target: string): FlowEdit {
  const src = flowEndOf(source);
  const dst = flowEndOf(target);
  const flow = `${nameOf(source)} → ${nameOf(target)}`;
  if (!src || !dst) return { kind: 'none', message: `A flow needs a workload or an address range at each end.` };
  const plan = planDenyFlow(context(analysis), src, dst);
  if (plan.isAlreadyDenied) return { kind: 'none', message: `Already denied: ${flow}. Nothing to change.` };
  if (plan.refusal) return { kind: 'none', message: plan.refusal };
  const exactFix = labelFix(analysis, plan.exactFix, (a) => denyFlowEdit(a, source, target));
  return { kind: 'edit', title: `Remove the flow ${flow}`, descriptions: plan.descriptions, sideEffects: plan.sideEffects.map(sideEffectText), ...(exactFix ? { exactFix } : {}), apply: editOf(analysis, plan.changes) };
}
