// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../store/analyzeDocument';
import { summarise } from '../../store/analysisJobs';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useViewStore } from '../../store/useViewStore';
import { WorkloadList } from './WorkloadList';

/** Opens a document of `count` Deployments `app-<i>` spread over `namespaces` namespaces `ns-<i % namespaces>`. */
function openWorkloads(count: number, namespaces: number): void {
  const text = Array.from(
    { length: count },
    (_, i) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: app-${i}, namespace: ns-${i % namespaces}}\nspec: {selector: {matchLabels: {app: app-${i}}}, template: {metadata: {labels: {app: app-${i}}}, spec: {containers: [{name: c, image: i}]}}}\n`,
  ).join('---\n');
  const files = [{ name: 'cluster.yaml', text }];
  const summary = summarise(analyzeDocument(files), files);
  useAnalysisStore.setState({ current: summary, live: summary });
  useViewStore.setState({ selection: null });
}

const workloads = () => screen.getByRole('region', { name: 'Workloads' });

beforeAll(() => {
  // jsdom lays nothing out: every box is as tall as the navigator's scroll box on a laptop screen, with room to scroll.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get: () => 1_000_000 });
});

afterEach(cleanup);

describe('WorkloadList', () => {
  it('lists every workload of a small document under its namespace, and selects the one clicked', () => {
    openWorkloads(6, 2);
    render(<WorkloadList />);
    expect(within(workloads()).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['ns-0', 'ns-1']);
    expect(within(workloads()).getAllByRole('button').map((b) => b.getAttribute('title'))).toEqual([
      'ns-0/app-0[Deployment]',
      'ns-0/app-2[Deployment]',
      'ns-0/app-4[Deployment]',
      'ns-1/app-1[Deployment]',
      'ns-1/app-3[Deployment]',
      'ns-1/app-5[Deployment]',
    ]);
    fireEvent.click(screen.getByTitle('ns-1/app-3[Deployment]'));
    expect(useViewStore.getState().selection).toEqual({ kind: 'workload', id: 'ns-1/app-3[Deployment]' });
    expect(screen.getByTitle('ns-1/app-3[Deployment]').getAttribute('aria-pressed')).toBe('true');
  });

  it('mounts only the rows in view of 2,000 workloads, namespace titles included', () => {
    openWorkloads(2000, 50);
    render(<WorkloadList />);
    expect(screen.getByRole('heading', { name: 'Workloads (2000)' })).toBeTruthy();
    expect(within(workloads()).getAllByRole('heading', { level: 3 })[0].textContent).toBe('ns-0');
    const shown = within(workloads()).getAllByRole('button');
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(40);
    expect(shown[0].getAttribute('title')).toBe('ns-0/app-0[Deployment]');
  });

  it('scrolls a workload selected on the canvas into view, pressed', async () => {
    openWorkloads(2000, 50);
    render(<WorkloadList />);
    act(() => useViewStore.getState().select({ kind: 'workload', id: 'ns-37/app-1937[Deployment]' }));
    const selected = await screen.findByTitle('ns-37/app-1937[Deployment]');
    expect(selected.getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByTitle('ns-0/app-0[Deployment]')).toBeNull();
  });
});
