import { createAnalysisHost } from './analysisHost';
import type { JobRequest, JobResponse } from './analysisJobs';

/** The worker's global scope, as much of it as this file uses (the app's tsconfig has the DOM lib, not WebWorker). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<JobRequest>) => void) | null;
  postMessage(response: JobResponse): void;
}

const scope = self as unknown as WorkerScope;
const host = createAnalysisHost();
scope.onmessage = (event) => scope.postMessage(host.handle(event.data));
