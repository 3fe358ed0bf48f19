import { describe, expect, it } from 'vitest';
import { analyze, type SourceFile } from '../engine';
import { createAnalysisClient } from './analysisClient';
import { createAnalysisHost } from './analysisHost';
import { ANALYSIS_JOBS, summarise, type JobRequest, type JobResponse } from './analysisJobs';

const policy = (name: string, protocol = 'TCP') => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: ${name}
  namespace: shop
spec:
  podSelector: {}
  ingress:
    - ports:
        - protocol: ${protocol}
          port: 8080
---
apiVersion: v1
kind: Pod
metadata:
  name: api
  namespace: shop
  labels: { app: api }
spec:
  containers: [{ name: c, image: i }]
`;
const filesOf = (text: string): SourceFile[] => [{ name: 'p.yaml', text }];

/** A host that records which of the policies `first` and `second` it analysed. */
function recordingHost() {
  const analysed: string[] = [];
  const host = createAnalysisHost(ANALYSIS_JOBS, (files) => {
    analysed.push(files[0].text.includes('first') ? 'first' : 'second');
    return analyze(files);
  });
  return { analysed, host };
}

describe('createAnalysisClient (in-process, as under Vitest)', () => {
  it('answers the analyze job with what a direct call of the engine gives, as plain data', async () => {
    const files = filesOf(policy('allow-web'));
    const outcome = await createAnalysisClient({ useWorker: false }).run('analyze', 1, files, null);
    const direct = analyze(files);
    expect(outcome).toEqual({ status: 'done', version: 1, result: summarise(direct, files) });
    expect(outcome.status === 'done' && outcome.result.connectionCount).toBe(direct.connections.length);
  });

  it('runs later jobs of a version on the analysis it already made', async () => {
    let analyses = 0;
    const host = createAnalysisHost(ANALYSIS_JOBS, (files) => {
      analyses += 1;
      return analyze(files);
    });
    const client = createAnalysisClient({ useWorker: false, host });
    const files = filesOf(policy('allow-web'));
    await client.run('analyze', 1, files, null);
    const connlist = await client.run('connlist', 1, files, { format: 'txt' });
    expect(connlist).toEqual({ status: 'done', version: 1, result: ANALYSIS_JOBS.connlist(analyze(files), { format: 'txt' }, files) });
    expect(analyses).toBe(1);
  });

  it('hands each version the analysis of the one before, so an edit is evaluated incrementally, with the same answer', async () => {
    const previousOf: (string | undefined)[] = [];
    const host = createAnalysisHost(ANALYSIS_JOBS, (files, previous) => {
      previousOf.push(previous ? 'previous' : undefined);
      return analyze(files, { ...(previous ? { previous } : {}) });
    });
    const client = createAnalysisClient({ useWorker: false, host });
    await client.run('analyze', 1, filesOf(policy('allow-web')), null);
    const edited = filesOf(policy('allow-web', 'UDP'));
    const outcome = await client.run('connlist', 2, edited, { format: 'txt' });
    expect(previousOf).toEqual([undefined, 'previous']);
    expect(outcome).toEqual({ status: 'done', version: 2, result: ANALYSIS_JOBS.connlist(analyze(edited), { format: 'txt' }, edited) });
  });

  it('drops results for a version older than the newest asked about', async () => {
    const client = createAnalysisClient({ useWorker: false });
    const first = client.run('analyze', 1, filesOf(policy('first')), null);
    const second = client.run('analyze', 2, filesOf(policy('second')), null);
    const third = client.run('analyze', 3, filesOf(policy('third')), null);
    expect(await first).toEqual({ status: 'stale', version: 1 });
    expect(await second).toEqual({ status: 'stale', version: 2 });
    const outcome = await third;
    expect(outcome.status === 'done' && outcome.result.model.policies.map((p) => p.name)).toEqual(['third']);
    expect(await client.run('analyze', 2, filesOf(policy('late')), null)).toEqual({ status: 'stale', version: 2 });
  });

  it('with restartWhenStale, drops the job in flight as soon as a newer version is asked for, without waiting for its answer', async () => {
    const { analysed, host } = recordingHost();
    const client = createAnalysisClient({ useWorker: false, host, restartWhenStale: true });
    const first = client.run('lints', 1, filesOf(policy('first')), null);
    const second = client.run('lints', 2, filesOf(policy('second')), null);
    expect(await first).toEqual({ status: 'stale', version: 1 });
    expect(analysed).toEqual([]);
    expect(await second).toMatchObject({ status: 'done', version: 2 });
  });

  it('stops the job in flight when told a newer version exists, before any job is asked on it (restartWhenStale)', async () => {
    const { analysed, host } = recordingHost();
    const client = createAnalysisClient({ useWorker: false, host, restartWhenStale: true });
    const first = client.run('lints', 1, filesOf(policy('first')), null);
    client.supersede(2);
    expect(await first).toEqual({ status: 'stale', version: 1 });
    expect(analysed).toEqual([]);
    expect(await client.run('lints', 1, filesOf(policy('first')), null)).toEqual({ status: 'stale', version: 1 });
    expect(await client.run('lints', 2, filesOf(policy('second')), null)).toMatchObject({ status: 'done', version: 2 });
  });

  it('turns an error thrown inside a job into an error result, and keeps answering', async () => {
    const host = createAnalysisHost({
      ...ANALYSIS_JOBS,
      connlist: () => {
        throw new Error('boom');
      },
    });
    const client = createAnalysisClient({ useWorker: false, host });
    const files = filesOf(policy('allow-web'));
    expect(await client.run('connlist', 1, files, { format: 'txt' })).toEqual({ status: 'error', version: 1, message: 'boom' });
    expect((await client.run('analyze', 1, files, null)).status).toBe('done');
  });

  it('turns an analysis that throws into an error result', async () => {
    const client = createAnalysisClient({
      useWorker: false,
      host: createAnalysisHost(ANALYSIS_JOBS, () => {
        throw new Error('cannot analyse');
      }),
    });
    expect(await client.run('analyze', 1, filesOf(''), null)).toEqual({ status: 'error', version: 1, message: 'cannot analyse' });
  });

  it('sends an edit of one file as a patch and answers summaries as deltas, with the same results and the unchanged objects kept', async () => {
    const sent: JobRequest[] = [];
    const inner = createAnalysisHost();
    const host = { handle: (request: JobRequest) => (sent.push(request), inner.handle(request)) };
    const client = createAnalysisClient({ useWorker: false, host });
    const two = `${policy('allow-web')}---\n${policy('allow-api').replace('name: api', 'name: db')}`;
    const first = await client.run('analyze', 1, filesOf(two), null);
    const edited = filesOf(two.replace('port: 8080', 'port: 8081'));
    const second = await client.run('analyze', 2, edited, null);
    expect(sent.map((r) => [r.files !== undefined, r.patch !== undefined, r.summaryBase ?? null])).toEqual([
      [true, false, null],
      [false, true, 1],
    ]);
    expect(second).toEqual({ status: 'done', version: 2, result: summarise(analyze(edited), edited) });
    if (first.status !== 'done' || second.status !== 'done') throw new Error('not answered');
    const [webBefore, apiBefore] = first.result.model.policies;
    const [webAfter, apiAfter] = second.result.model.policies;
    expect(webAfter).not.toBe(webBefore);
    expect(apiAfter).toBe(apiBefore);
    expect(second.result.model.workloads[0]).toBe(first.result.model.workloads[0]);
  });

  it('after an error, sends the next version whole again', async () => {
    let fail = false;
    const sent: JobRequest[] = [];
    const inner = createAnalysisHost();
    const host = {
      handle: (request: JobRequest): JobResponse => {
        sent.push(request);
        return fail ? { id: request.id, version: request.version, isOk: false, error: 'lost' } : inner.handle(request);
      },
    };
    const client = createAnalysisClient({ useWorker: false, host });
    await client.run('analyze', 1, filesOf(policy('a')), null);
    fail = true;
    expect((await client.run('analyze', 2, filesOf(policy('b')), null)).status).toBe('error');
    fail = false;
    const files = filesOf(policy('c'));
    expect(await client.run('analyze', 3, files, null)).toEqual({ status: 'done', version: 3, result: summarise(analyze(files), files) });
    expect(sent.map((r) => [r.files !== undefined, r.summaryBase ?? null])).toEqual([
      [true, null],
      [false, 1],
      [true, null],
    ]);
  });
});
