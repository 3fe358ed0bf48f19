import type { SourceFile } from '../engine';
import { createAnalysisHost, type AnalysisHost } from './analysisHost';
import type { JobName, JobOptions, JobRequest, JobResponse, JobResult } from './analysisJobs';

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
  /** The newest version whose files the transport has been sent. */
  let sentVersion = -1;
  let inFlight: Pending | null = null;
  const queue: Pending[] = [];

  const settle = (pending: Pending, response: JobResponse) => {
    if (response.version < newest) pending.resolve({ status: 'stale', version: response.version });
    else if (response.isOk) pending.resolve({ status: 'done', version: response.version, result: response.result });
    else pending.resolve({ status: 'error', version: response.version, message: response.error });
  };
  const receive = (response: JobResponse) => {
    if (inFlight === null || inFlight.request.id !== response.id) return;
    const pending = inFlight;
    inFlight = null;
    settle(pending, response);
    pump();
  };
  let isWorker = useWorker;
  const fail = (message: string) => {
    transport.close();
    isWorker = false;
    transport = inProcess(host, receive);
    sentVersion = -1;
    const pending = inFlight;
    inFlight = null;
    if (pending !== null) settle(pending, { id: pending.request.id, version: pending.request.version, isOk: false, error: message });
    pump();
  };
  const open = (): Transport => (isWorker ? workerTransport(receive, fail) : inProcess(host, receive));
  let transport: Transport = open();
  /** Drops the job in flight: its answer will never come (a restarted worker) or is ignored (in-process). */
  const restart = () => {
    const pending = inFlight;
    if (pending === null) return;
    inFlight = null;
    transport.close();
    transport = open();
    sentVersion = -1;
    pending.resolve({ status: 'stale', version: pending.request.version });
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
      const isSent = request.version === sentVersion;
      sentVersion = request.version;
      transport.send(isSent ? { ...request, files: undefined } : request);
    }
  }

  return {
    run(job, version, files, options) {
      return new Promise((resolve) => {
        if (version < newest) {
          resolve({ status: 'stale', version });
          return;
        }
        newest = version;
        if (restartWhenStale && inFlight !== null && inFlight.request.version < version) restart();
        queue.push({ request: { id: nextId++, version, files, job, options }, resolve: resolve as Pending['resolve'] });
        pump();
      });
    },
    dispose() {
      transport.close();
      transport = inProcess(host, receive);
      sentVersion = -1;
      for (const pending of [...(inFlight === null ? [] : [inFlight]), ...queue.splice(0)]) pending.resolve({ status: 'stale', version: pending.request.version });
      inFlight = null;
    },
  };
}
