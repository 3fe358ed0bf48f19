import { countConnections, foldObservedFlows, parseObservedFlows, explainConnection, openingPort, type Endpoint, type OpeningPort, formatConnlist, lintModel, listObjectRefs, type Analysis, type ConnlistFormat, type ExplainQuery, type Explanation, type Issue, type Lint, type Model, type ObservedFlow, type ParsedObservedFlows, type SourceFile, type WorkloadExposure } from '../engine';
import { canvasGraph, type CanvasGraph, type GraphRequest } from './graph/canvasGraph';
import { graphOf } from './graph/graphOf';
import { edgeFacts, type EdgeFacts } from './inspect/edgeFacts';
import { exposureMarks, workloadExposure, type ExposureMark } from './inspect/exposureOf';
import { flowDestinations, type FlowDestination } from './inspect/flowDestinations';
import { observedOverlay, type ObservedOverlay } from './inspect/observedOverlay';
import { observedPlan, type ObservedPlanPreview } from './inspect/observedPlan';
import { matrixOf, matrixWindow, type MatrixFilter, type MatrixPeer, type MatrixWindow } from './inspect/matrixCells';
import { policyReach, type PolicyReach } from './inspect/policyReach';
import { workloadFlows, type WorkloadFlows } from './inspect/workloadFlows';

/** What the `analyze` job answers: plain data the views draw from (no evaluation: it holds closures; findings come from the `lints` job). */
export interface AnalysisSummary {
  /** The decoded model; objects the API server would reject are left out (see `issues`). */
  model: Model;
  issues: Issue[];
  /** How many allowed connections the evaluation lists. */
  connectionCount: number;
  /** How many of `issues` are errors. */
  errorCount: number;
  /** Every NetworkPolicy as written (valid or not), in file order, with where it is. */
  writtenPolicies: { ref: { kind: string; namespace?: string; name: string }; file: string; line: number }[];
}

/**
 * Every job the analysis worker runs, by name: the options it takes and the result it answers. Both must be plain,
 * structured-cloneable data. To add a job, add its entry here and its function to {@link ANALYSIS_JOBS}.
 */
export interface AnalysisJobs {
  analyze: { options: null; result: AnalysisSummary };
  connlist: { options: { format: ConnlistFormat }; result: string };
  graph: { options: GraphRequest; result: CanvasGraph };
  explain: { options: ExplainQuery; result: Explanation };
  /** The protocol and port to open an explanation of a pair on (null when the pair is denied). */
  openingPort: { options: { src: Endpoint; dst: Endpoint }; result: OpeningPort | null };
  /** Likely mistakes across all policies (the Findings list): the costliest job, so it runs after the others. */
  lints: { options: null; result: Lint[] };
  /** Per workload with a protected ingress, the unknown pods its rules would admit (the card marks); runs after the findings. */
  exposureMarks: { options: null; result: Record<string, ExposureMark> };
  /** Who that does not exist yet could reach a selected workload, or be reached by it, and the rules that say so (null: nobody). */
  workloadExposure: { options: { id: string }; result: WorkloadExposure | null };
  /** An observed-flows file read (Hubble JSON lines or a connection list): its flows (identical records folded), problems and counts. */
  parseObserved: { options: { source: ObservedSource; fileName: string }; result: ParsedObservedFlows };
  /** Observed flows judged against the document and gathered per canvas edge. */
  observedOverlay: { options: { flows: readonly ObservedFlow[] }; result: ObservedOverlay };
  /** "Allow exactly what was observed": the least-privilege policies for the observed flows, applied for the preview. */
  observedPlan: { options: { flows: readonly ObservedFlow[]; defaultDeny: boolean }; result: ObservedPlanPreview };
  /** The inspector's account of a selected workload (null when it is not in the model). */
  workloadFlows: { options: { id: string }; result: WorkloadFlows | null };
  /** The inspector's account of a selected edge (null when that connection is not allowed). */
  edgeFacts: { options: { id: string }; result: EdgeFacts | null };
  /** Where a flow from workload `id` may be designed to ("Allow to…"): workloads, then address ranges. */
  flowDestinations: { options: { id: string }; result: FlowDestination[] };
  /** What a selected policy selects and admits, for the canvas to emphasise (null when there is no such policy). */
  policyReach: { options: { id: string }; result: PolicyReach | null };
  /** The rows (and columns) of the connectivity matrix: workloads grouped by namespace, then address ranges. */
  matrixPeers: { options: Record<string, never>; result: MatrixPeer[] };
  /** The cells of the matrix the person scrolled to, under a filter. */
  matrixWindow: { options: { filter: MatrixFilter; rows: [number, number]; cols: [number, number] }; result: MatrixWindow };
}

/** The name of a job. */
export type JobName = keyof AnalysisJobs;
/** The options job `K` takes. */
export type JobOptions<K extends JobName> = AnalysisJobs[K]['options'];
/** What job `K` answers. */
export type JobResult<K extends JobName> = AnalysisJobs[K]['result'];
/** A job: a pure function of one version's analysis (computed once per version and shared by every job), its options and the files analysed. */
export type AnalysisJob<K extends JobName> = (analysis: Analysis, options: JobOptions<K>, files: readonly SourceFile[]) => JobResult<K>;

/**
 * Observed flows to read: their text, or in a worker the picked file itself (a Blob crosses threads by reference and is
 * read there, so an 85 MB capture is neither decoded nor copied on the page).
 */
export type ObservedSource = { text: string } | { blob: Blob };

/** The text of an observed-flows source: a Blob is read synchronously, which only workers can (FileReaderSync). */
function readObservedSource(source: ObservedSource): string {
  if ('text' in source) return source.text;
  const Reader = (globalThis as { FileReaderSync?: new () => { readAsText(blob: Blob): string } }).FileReaderSync;
  if (Reader === undefined) throw new Error('a file can only be read in the analysis worker');
  return new Reader().readAsText(source.blob);
}

/** The summary of an analysis the views draw from. */
export function summarise(analysis: Analysis, files: readonly SourceFile[]): AnalysisSummary {
  return {
    model: analysis.model,
    issues: analysis.issues,
    connectionCount: countConnections(analysis.evaluation),
    errorCount: analysis.issues.filter((issue) => issue.severity === 'error').length,
    writtenPolicies: listObjectRefs(files).filter((object) => object.ref.kind === 'NetworkPolicy'),
  };
}

/** The job functions, run in the worker (or in-process where there is no `Worker`). */
export const ANALYSIS_JOBS: { [K in JobName]: AnalysisJob<K> } = {
  analyze: (analysis, _, files) => summarise(analysis, files),
  connlist: (analysis, { format }) => formatConnlist(format, analysis.connections),
  graph: (analysis, request) => canvasGraph(analysis, request),
  explain: (analysis, query) => explainConnection(analysis.evaluation.compiled, query),
  openingPort: (analysis, { src, dst }) => openingPort(analysis.evaluation, src, dst) ?? null,
  lints: (analysis) => lintModel(analysis.model, analysis.evaluation),
  exposureMarks: (analysis) => exposureMarks(analysis),
  workloadExposure: (analysis, { id }) => workloadExposure(analysis, id),
  parseObserved: (_, { source, fileName }) => {
    const parsed = parseObservedFlows(readObservedSource(source), fileName);
    return { ...parsed, flows: foldObservedFlows(parsed.flows) };
  },
  observedOverlay: (analysis, { flows }) => observedOverlay(analysis, flows),
  observedPlan: (analysis, { flows, defaultDeny }, files) => observedPlan(analysis, files, flows, defaultDeny),
  workloadFlows: (analysis, { id }) => workloadFlows(analysis, id) ?? null,
  edgeFacts: (analysis, { id }) => edgeFacts(analysis, id),
  flowDestinations: (analysis, { id }) => flowDestinations(graphOf(analysis), id),
  policyReach: (analysis, { id }) => policyReach(analysis, id) ?? null,
  matrixPeers: (analysis) => matrixOf(analysis, {}).peers,
  matrixWindow: (analysis, { filter, rows, cols }) => matrixWindow(analysis, filter, rows, cols),
};

/** The files of a version given as one replacement in one file of the files of version `base`, which the host holds. */
export interface FilesPatch {
  base: number;
  /** The index of the file replaced in. */
  file: number;
  from: number;
  to: number;
  insert: string;
}

/**
 * One request to the analysis host: run `job` on version `version` of the files (sent along, whole or as a patch of the
 * version sent before, when the host may not have them yet). An `analyze` answer is a `SummaryDelta` written
 * against summary `summaryBase` when the host still has it.
 */
export interface JobRequest<K extends JobName = JobName> {
  id: number;
  version: number;
  files?: readonly SourceFile[];
  patch?: FilesPatch;
  summaryBase?: number;
  job: K;
  options: JobOptions<K>;
}

/** The host's answer to request `id`, tagged with the version it answers. */
export type JobResponse =
  | { id: number; version: number; isOk: true; result: unknown }
  | { id: number; version: number; isOk: false; error: string };
