import type { SourceFile } from '../engine';
import { createAnalysisHost, type AnalysisHost } from './analysisHost';
import type { AnalysisSummary, FilesPatch, JobName, JobOptions, JobRequest, JobResponse, JobResult } from './analysisJobs';
import { decodeSummary, type SummaryDelta } from './summaryDelta';
import { textChange } from './textChange';

/**
 * `next` as a patch of `sent` (version `base`): when only one file's text changed, and by less than half of it. Typing in
 * a 2 MB file sent the whole text to the worker on every pause (~20 ms to copy on each side).
 */
function patchOf(sent: readonly SourceFile[], base: number, next: readonly SourceFile[]): FilesPatch | null {
  if (sent.length !== next.length) return null;
  let changed = -1;
  for (let i = 0; i < next.length; i++) {
    if (sent[i] === next[i]) continue;
    if (sent[i].name !== next[i].name || changed !== -1) return null;
    changed = i;
  }
  if (changed === -1) return null;
  const change = textChange(sent[changed].text, next[changed].text);
  if (change === null || change.insert.length > next[changed].text.length / 2) return null;
  return { base, file: changed, ...change };
}

/** How a job ended: its result for `version`, dropped because a newer version was asked for meanwhile, or the error it threw. */
export type JobOutcome<R> =
  | { status: 'done'; version: number; result: R }
  | { status: 'stale'; version: number }
  | { status: 'error'; version: number; message: string };

/** The one way the app reaches the analysis worker. */
export interface AnalysisClient {
  /**
   * Runs `job` on version `version` of the document, whose files are `files` (the same for every call with that
   * version; versions only grow). Resolves `stale`, without the result, when a newer version was asked about
   * before it finished; never rejects.
   */
  run<K extends JobName>(job: K, version: number, files: readonly SourceFile[], options: JobOptions<K>): Promise<JobOutcome<JobResult<K>>>;
  /**
   * Says that version `version` of the document exists, before any job is asked on it: jobs on older versions are stale
   * from now on, and with restartWhenStale the one in flight stops at once (typing never waits behind stale findings).
   */
  supersede(version: number): void;
  /** Stops the worker; later runs go in-process. */
  dispose(): void;
}

/** Where requests go: a worker, or the same host in-process. */
interface Transport {
  send(request: JobRequest): void;
  close(): void;
}

interface Pending {
  request: JobRequest;
  resolve: (outcome: JobOutcome<unknown>) => void;
}

/** Runs the host in this thread but asynchronously, copying both ways as `postMessage` would (so results that cannot cross to a worker fail here too). */
function inProcess(host: AnalysisHost, receive: (response: JobResponse) => void): Transport {
  return {
    send: (request) => setTimeout(() => receive(structuredClone(host.handle(structuredClone(request))))),
    close: () => undefined,
  };
}

function workerTransport(receive: (response: JobResponse) => void, fail: (message: string) => void): Transport {
  const worker = new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = (event: MessageEvent<JobResponse>) => receive(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    fail(event.message || 'the analysis worker failed');
  };
  worker.onmessageerror = () => fail('the analysis worker sent a message that could not be read');
  return { send: (request) => worker.postMessage(request), close: () => worker.terminate() };
}

/**
 * A client that runs jobs one at a time in a Web Worker (in-process where `Worker` is undefined, e.g. under Vitest, or
 * after the worker failed). Requests wait while one runs; a request for a newer version drops the waiting ones for
 * older versions, and results that answer an older version than the newest asked about are dropped.
 */
export function createAnalysisClient({
  useWorker = typeof Worker !== 'undefined',
  host = createAnalysisHost(),
  restartWhenStale = false,
}: {
  useWorker?: boolean;
  host?: AnalysisHost;
  /** Stop the job in flight, restarting the worker, as soon as a newer version is asked for (for long jobs no one waits for). */
  restartWhenStale?: boolean;
} = {}): AnalysisClient {
  let nextId = 1;
  let newest = 0;
  /** The newest version whose files the transport has been sent, and those files. */
  let sentVersion = -1;
  let sentFiles: readonly SourceFile[] | null = null;
  /** The last summary read from the transport: the next one is asked for as a delta against it. */
  let lastSummary: { id: number; summary: AnalysisSummary } | null = null;
  const forgetSent = () => {
    sentVersion = -1;
    sentFiles = null;
    lastSummary = null;
  };
  let inFlight: Pending | null = null;
  const queue: Pending[] = [];

  const settle = (pending: Pending, response: JobResponse) => {
    if (response.version < newest) pending.resolve({ status: 'stale', version: response.version });
    else if (response.isOk) pending.resolve({ status: 'done', version: response.version, result: response.result });
    else pending.resolve({ status: 'error', version: response.version, message: response.error });
  };
  /** The summary in an `analyze` answer, read against the last one (or an error answer when it cannot be). */
  const readSummary = (response: JobResponse & { isOk: true }): JobResponse => {
    try {
      const delta = response.result as SummaryDelta;
      const summary = decodeSummary(delta, lastSummary);
      lastSummary = { id: delta.id, summary };
      return { ...response, result: summary };
    } catch (error) {
      lastSummary = null;
      return { id: response.id, version: response.version, isOk: false, error: error instanceof Error ? error.message : String(error) };
    }
  };
  const receive = (response: JobResponse) => {
    if (inFlight === null || inFlight.request.id !== response.id) return;
    const pending = inFlight;
    inFlight = null;
    // After an error the host may not hold what the next request would be written against: send everything again.
    if (!response.isOk) forgetSent();
    settle(pending, pending.request.job === 'analyze' && response.isOk ? readSummary(response) : response);
    pump();
  };
  let isWorker = useWorker;
  const fail = (message: string) => {
    transport?.close();
    isWorker = false;
    transport = inProcess(host, receive);
    forgetSent();
    const pending = inFlight;
    inFlight = null;
    if (pending !== null) settle(pending, { id: pending.request.id, version: pending.request.version, isOk: false, error: message });
    pump();
  };
  const open = (): Transport => (isWorker ? workerTransport(receive, fail) : inProcess(host, receive));
  /** The worker (or in-process host) jobs go to; after a restart, opened again only when the next job is sent. */
  let transport: Transport | null = open();
  const send = (request: JobRequest) => (transport ??= open()).send(request);
  /** Drops the job in flight: its answer will never come (a stopped worker) or is ignored (in-process). */
  const restart = () => {
    const pending = inFlight;
    if (pending === null) return;
    inFlight = null;
    transport?.close();
    transport = null;
    forgetSent();
    pending.resolve({ status: 'stale', version: pending.request.version });
  };
  /** Takes `version` as the newest: waiting jobs for older ones will answer stale, and with restartWhenStale the one in flight stops. */
  const supersede = (version: number) => {
    if (version <= newest) return;
    newest = version;
    if (restartWhenStale && inFlight !== null && inFlight.request.version < version) restart();
  };

  function pump(): void {
    while (inFlight === null && queue.length > 0) {
      const pending = queue.shift() as Pending;
      const { request } = pending;
      if (request.version < newest) {
        pending.resolve({ status: 'stale', version: request.version });
        continue;
      }
      inFlight = pending;
      const summaryBase = request.job === 'analyze' && lastSummary !== null ? { summaryBase: lastSummary.id } : {};
      if (request.version === sentVersion) send({ ...request, files: undefined, ...summaryBase });
      else {
        const patch = sentFiles === null || request.files === undefined ? null : patchOf(sentFiles, sentVersion, request.files);
        send(patch === null ? { ...request, ...summaryBase } : { ...request, files: undefined, patch, ...summaryBase });
        sentVersion = request.version;
        sentFiles = request.files ?? null;
      }
    }
  }

  return {
    run(job, version, files, options) {
      return new Promise((resolve) => {
        if (version < newest) {
          resolve({ status: 'stale', version });
          return;
        }
        supersede(version);
        queue.push({ request: { id: nextId++, version, files, job, options }, resolve: resolve as Pending['resolve'] });
        pump();
      });
    },
    supersede,
    dispose() {
      transport?.close();
      transport = inProcess(host, receive);
      forgetSent();
      for (const pending of [...(inFlight === null ? [] : [inFlight]), ...queue.splice(0)]) pending.resolve({ status: 'stale', version: pending.request.version });
      inFlight = null;
    },
  };
}
