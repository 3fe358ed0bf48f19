import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAnalysisClient } from './analysisClient';
import { FINDINGS_DELAY_MS, runOnDocument, startAnalysis, useAnalysisStore } from './useAnalysisStore';
import { useDocumentStore } from './useDocumentStore';

const policy = (protocol: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-web
  namespace: shop
spec:
  podSelector: {}
  ingress:
    - ports:
        - protocol: ${protocol}
          port: 8080
`;
const idle = () => vi.waitFor(() => expect(useAnalysisStore.getState().isPending).toBe(false));
const protocolShown = () => useAnalysisStore.getState().live.model.policies[0]?.ingress[0]?.ports[0]?.protocol;

let stop: () => void = () => undefined;
beforeEach(() => {
  useDocumentStore.getState().openFiles([{ name: 'p.yaml', text: policy('TCP') }]);
  stop = startAnalysis(createAnalysisClient({ useWorker: false }), createAnalysisClient({ useWorker: false, restartWhenStale: true }));
});
afterEach(() => stop());

describe('useAnalysisStore', () => {
  it('is pending while the worker analyses a new version, then holds its answer', async () => {
    expect(useAnalysisStore.getState().isPending).toBe(true);
    await idle();
    const state = useAnalysisStore.getState();
    expect(state.answered?.version).toBe(state.version);
    expect(state.answered?.files).toBe(useDocumentStore.getState().files);
    expect(state).toMatchObject({ isStale: false, errorCount: 0, failure: null });
    expect(protocolShown()).toBe('TCP');
  });

  it('answers only the newest version when the files change faster than it analyses', async () => {
    useDocumentStore.getState().setFileText('p.yaml', policy('UDP'));
    useDocumentStore.getState().setFileText('p.yaml', policy('SCTP'));
    expect(useAnalysisStore.getState().isPending).toBe(true);
    await idle();
    expect(protocolShown()).toBe('SCTP');
    expect(useAnalysisStore.getState().answered?.version).toBe(useAnalysisStore.getState().version);
  });

  it('brings the findings once the text has stayed unchanged a moment, and keeps those of the last valid version while the text has errors', async () => {
    await idle();
    await vi.waitFor(() => expect(useAnalysisStore.getState().findings.map((lint) => lint.code)).toContain('workloads-inferred'), { timeout: 5000 });
    const findings = useAnalysisStore.getState().findings;
    useDocumentStore.getState().setFileText('p.yaml', policy('TCPX'));
    await idle();
    await new Promise((resolve) => setTimeout(resolve, FINDINGS_DELAY_MS + 100));
    expect(useAnalysisStore.getState().isStale).toBe(true);
    expect(useAnalysisStore.getState().findings).toBe(findings);
  });

  it('keeps the last valid summary while the text has errors, and counts them', async () => {
    await idle();
    useDocumentStore.getState().setFileText('p.yaml', policy('TCPX'));
    await idle();
    expect(useAnalysisStore.getState()).toMatchObject({ isStale: true, errorCount: 1 });
    expect(protocolShown()).toBe('TCP');
    expect(useAnalysisStore.getState().current.errorCount).toBe(1);
    useDocumentStore.getState().setFileText('p.yaml', policy('UDP'));
    await idle();
    expect(useAnalysisStore.getState()).toMatchObject({ isStale: false, errorCount: 0 });
    expect(protocolShown()).toBe('UDP');
  });

  it('shows an edit made through the app while the typed text has errors, leaving out the broken policy', async () => {
    const other = policy('UDP').replace('allow-web', 'allow-db');
    useDocumentStore.getState().setFileText('p.yaml', `${policy('TCP')}---\n${other}`);
    await idle();
    useDocumentStore.getState().setFileText('p.yaml', `${policy('TCPX')}---\n${other}`);
    await idle();
    expect(useAnalysisStore.getState().live.model.policies.map((p) => p.name)).toEqual(['allow-web', 'allow-db']);
    useDocumentStore.getState().applyEdit((files) => [{ ...files[0], text: `${policy('TCPX')}---\n${policy('SCTP').replace('allow-web', 'allow-db')}` }]);
    await idle();
    expect(useAnalysisStore.getState()).toMatchObject({ isStale: false, errorCount: 1 });
    expect(useAnalysisStore.getState().live.model.policies.map((p) => `${p.name} ${p.ingress[0].ports[0].protocol}`)).toEqual(['allow-db SCTP']);
  });

  it('forgets the last valid summary when a new document is opened', async () => {
    await idle();
    useDocumentStore.getState().openFiles([{ name: 'q.yaml', text: policy('TCPX') }]);
    await idle();
    expect(useAnalysisStore.getState()).toMatchObject({ isStale: false, errorCount: 1 });
    expect(useAnalysisStore.getState().live.issues).toHaveLength(1);
  });

  it('runs a job on the document as it is now', async () => {
    const outcome = await runOnDocument('connlist', { format: 'txt' });
    expect(outcome.status).toBe('done');
  });
});
