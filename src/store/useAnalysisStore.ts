import { create } from 'zustand';
import type { Lint, SourceFile } from '../engine';
import { createAnalysisClient, type AnalysisClient, type JobOutcome } from './analysisClient';
import type { AnalysisSummary, JobName, JobOptions, JobResult } from './analysisJobs';
import type { CanvasGraph, GraphRequest } from './graph/canvasGraph';
import type { ExposureMark } from './inspect/exposureOf';
import { isAppliedEdit, useDocumentStore } from './useDocumentStore';
import { nextLiveAnalysis } from './useLiveAnalysis';

/** The analysis worker's answers about the document, as the views read them; derived data, never persisted or undone. */
export interface AnalysisState {
  /** The newest version of the document's files the worker was asked about (0 before the first). */
  version: number;
  /** True while the worker works on a version newer than the one answered. */
  isPending: boolean;
  /** The version, document revision and files the results answer; null until the first answer. */
  answered: { version: number; revision: number; files: readonly SourceFile[] } | null;
  /** The summary of the answered version, errors and all. */
  current: AnalysisSummary;
  /** What the views show: `current`, or while it has errors from typing the last summary without any (`isStale`); after an edit made through the app that wrote no error, `current` with errors elsewhere. */
  live: AnalysisSummary;
  /** The files `live` answers: the views that need the whole evaluation compute it from these, on demand. */
  liveFiles: readonly SourceFile[] | null;
  /** True when `live` is an earlier summary because the answered files have errors. */
  isStale: boolean;
  /** How many error-severity issues the answered files have. */
  errorCount: number;
  /** Why the newest analysis failed, if it did. */
  failure: string | null;
  /** The findings of the newest version answered without errors (they follow its summary). */
  findings: Lint[];
  /** After the findings: per workload, the unknown pods its protected ingress would admit (see exposureMarks). */
  exposureMarks: Readonly<Record<string, ExposureMark>>;
  /** What the canvas asked to be drawn; null until a canvas asks. */
  graphRequest: GraphRequest | null;
  /** The graph the canvas draws, with the version and revision it answers: the newest without errors in the current revision. */
  canvas: { version: number; revision: number; graph: CanvasGraph } | null;
}

/** The summary of an empty workspace, shown before the first answer. */
export const EMPTY_SUMMARY: AnalysisSummary = {
  model: { namespaces: [], workloads: [], policies: [], clusterPolicies: [], others: [] },
  issues: [],
  connectionCount: 0,
  errorCount: 0,
  writtenPolicies: [],
};

const initialState: AnalysisState = {
  version: 0,
  isPending: false,
  answered: null,
  liveFiles: null,
  current: EMPTY_SUMMARY,
  live: EMPTY_SUMMARY,
  isStale: false,
  errorCount: 0,
  failure: null,
  findings: [],
  exposureMarks: {},
  graphRequest: null,
  canvas: null,
};

/** The worker's results for the document; fed by {@link startAnalysis}. */
export const useAnalysisStore = create<AnalysisState>()(() => initialState);

interface Connection {
  client: AnalysisClient;
  /** A second worker for the findings, so that the costliest job never holds up the graph or the summary. */
  findingsClient: AnalysisClient;
  files: readonly SourceFile[];
  revision: number;
  /** The findings wait until typing pauses: this timer asks for them. */
  findingsTimer?: ReturnType<typeof setTimeout>;
}

/** How long after the summary of a version its findings are asked for (a newer version meanwhile cancels them). */
export const FINDINGS_DELAY_MS = 1500;

let connection: Connection | null = null;

/**
 * The state after the answer `summary` for `version` (of `files`, in document `revision`): a new revision forgets the
 * last valid summary, and so does an edit made through the app that wrote no error (the views then show what it did, with objects that
 * have errors left out and marked, rather than keep a last valid model the edit is not in).
 */
function answer(state: AnalysisState, version: number, revision: number, files: readonly SourceFile[], summary: AnalysisSummary): Partial<AnalysisState> {
  const isKept = state.answered !== null && state.answered.revision === revision && !isAppliedEdit(files);
  const previous = isKept ? { analysis: state.live, isStale: state.isStale, errorCount: state.errorCount } : null;
  const live = nextLiveAnalysis(previous, summary);
  const liveFiles = live.isStale ? state.liveFiles : files;
  return { answered: { version, revision, files }, current: summary, live: live.analysis, liveFiles, isStale: live.isStale, errorCount: live.errorCount, isPending: false, failure: null };
}

/**
 * Keeps a graph answered for `version` of document `revision` (of `files`), unless it has errors from typing while a
 * graph without errors of the same revision is shown (that one stays, like the last valid summary).
 */
function takeGraph(version: number, revision: number, files: readonly SourceFile[], graph: CanvasGraph): void {
  const { canvas } = useAnalysisStore.getState();
  if (graph.errorCount > 0 && !isAppliedEdit(files) && canvas !== null && canvas.revision === revision && canvas.graph.errorCount === 0) return;
  useAnalysisStore.setState({ canvas: { version, revision, graph } });
}

function requestGraph(connected: Connection, version: number, graphRequest: GraphRequest): void {
  const { files, revision } = connected;
  void connected.client.run('graph', version, files, { ...graphRequest, revision }).then((outcome) => {
    if (connection !== connected || outcome.status !== 'done' || outcome.version !== useAnalysisStore.getState().version) return;
    takeGraph(version, revision, files, outcome.result);
  });
}

/** Asks the worker for the canvas graph of the current version with `graphRequest` (the canvas' filters and switches); the graph of every later version follows it too. */
export function drawGraph(graphRequest: GraphRequest): void {
  useAnalysisStore.setState({ graphRequest });
  if (connection !== null) requestGraph(connection, useAnalysisStore.getState().version, graphRequest);
}

function request(files: readonly SourceFile[], revision: number): void {
  const connected = connection;
  if (connected === null) return;
  connected.files = files;
  connected.revision = revision;
  const version = useAnalysisStore.getState().version + 1;
  const { graphRequest } = useAnalysisStore.getState();
  useAnalysisStore.setState({ version, isPending: true });
  // Findings of an older version are of no use now: stop them, and any waiting to start, so they take no core from this one.
  clearTimeout(connected.findingsTimer);
  connected.findingsClient.supersede(version);
  // The graph first: it is what a person waits for; the summary follows.
  if (graphRequest !== null) requestGraph(connected, version, graphRequest);
  void connected.client.run('analyze', version, files, null).then((outcome) => {
    if (connection !== connected || outcome.status === 'stale' || outcome.version !== useAnalysisStore.getState().version) return;
    if (outcome.status === 'error') useAnalysisStore.setState({ isPending: false, failure: outcome.message });
    else {
      useAnalysisStore.setState((state) => answer(state, version, revision, files, outcome.result));
      askFindings(connected, version, files);
    }
  });
  clearTimeout(connected.findingsTimer);
}

/**
 * Findings in their own worker, once the summary of `version` has answered and typing has paused: the costliest job,
 * kept off the path of what a person waits for (on two cores, starting it beside the graph's analysis slowed the graph by a second).
 * A newer version stops it.
 */
function askFindings(connected: Connection, version: number, files: readonly SourceFile[]): void {
  clearTimeout(connected.findingsTimer);
  connected.findingsTimer = setTimeout(() => {
    void connected.findingsClient.run('lints', version, files, null).then((outcome) => {
      const state = useAnalysisStore.getState();
      if (connection !== connected || outcome.status !== 'done' || state.answered?.version !== version || state.isStale) return;
      useAnalysisStore.setState({ findings: outcome.result });
      void connected.findingsClient.run('exposureMarks', version, files, null).then((marks) => {
        if (connection === connected && marks.status === 'done' && useAnalysisStore.getState().answered?.version === version) useAnalysisStore.setState({ exposureMarks: marks.result });
      });
    });
  }, FINDINGS_DELAY_MS);
}

/** Feeds the analysis store from the document: every change of its files asks the worker for a new version. Returns the stop function. */
export function startAnalysis(client: AnalysisClient = createAnalysisClient(), findingsClient: AnalysisClient = createAnalysisClient({ restartWhenStale: true })): () => void {
  const document = useDocumentStore.getState();
  connection = { client, findingsClient, files: document.files, revision: document.revision };
  request(document.files, document.revision);
  const unsubscribe = useDocumentStore.subscribe((state, previous) => {
    if (state.files !== previous.files || state.revision !== previous.revision) request(state.files, state.revision);
  });
  const started = connection;
  return () => {
    unsubscribe();
    clearTimeout(started.findingsTimer);
    if (connection === started) connection = null;
    client.dispose();
    findingsClient.dispose();
    useAnalysisStore.setState({ isPending: false });
  };
}

/**
 * Runs `job` in the worker on the document as it is now (for a person's action, e.g. an export); if the document
 * changes before it finishes, runs it again on the newer version. Runs in-process when no analysis was started.
 */
export async function runOnDocument<K extends JobName>(job: K, options: JobOptions<K>): Promise<JobOutcome<JobResult<K>>> {
  for (;;) {
    const outcome =
      connection === null
        ? await fallbackClient().run(job, ++fallbackVersion, useDocumentStore.getState().files, options)
        : await connection.client.run(job, useAnalysisStore.getState().version, connection.files, options);
    if (outcome.status !== 'stale') return outcome;
  }
}

/**
 * Runs a long `job` for a person's action in the findings worker, so the canvas and the summary never wait for it; a
 * newer version of the document stops it (the answer is then `stale`: the action is asked again on the new text).
 */
export function runBesideCanvas<K extends JobName>(job: K, options: JobOptions<K>): Promise<JobOutcome<JobResult<K>>> {
  if (connection === null) return runOnDocument(job, options);
  return connection.findingsClient.run(job, useAnalysisStore.getState().version, connection.files, options);
}

let fallback: AnalysisClient | null = null;
let fallbackVersion = 0;

function fallbackClient(): AnalysisClient {
  fallback ??= createAnalysisClient({ useWorker: false });
  return fallback;
}
