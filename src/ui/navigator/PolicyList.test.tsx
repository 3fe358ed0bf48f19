// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { analyzeDocument } from '../../store/analyzeDocument';
import { summarise } from '../../store/analysisJobs';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useViewStore } from '../../store/useViewStore';
import { PolicyList } from './PolicyList';

/** Opens a document of `count` NetworkPolicies `team-<i % 10>/policy-<i>`, as the analysis worker would answer it. */
function openPolicies(count: number): void {
  const text = Array.from(
    { length: count },
    (_, i) => `apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: policy-${i}, namespace: team-${i % 10}}\nspec: {podSelector: {}, policyTypes: [Ingress]}\n`,
  ).join('---\n');
  const files = [{ name: 'cluster.yaml', text }];
  const summary = summarise(analyzeDocument(files), files);
  useAnalysisStore.setState({ current: summary, live: summary });
  useViewStore.setState({ selection: null });
}

const policyButtons = () => within(screen.getByRole('region', { name: 'Policies' })).queryAllByRole('button', { name: /\/policy-/ });

beforeAll(() => {
  // jsdom lays nothing out: every box is as tall as the navigator's scroll box on a laptop screen, with room to scroll.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 400 });
  Object.defineProperty(HTMLElement.prototype, 'scrollHeight', { configurable: true, get: () => 1_000_000 });
});

afterEach(cleanup);

describe('PolicyList', () => {
  it('lists every policy of a small document, with its policyTypes, and selects the one clicked', () => {
    openPolicies(12);
    render(<PolicyList />);
    expect(screen.getByRole('heading', { name: 'Policies (12)' })).toBeTruthy();
    expect(policyButtons()).toHaveLength(12);
    const third = screen.getByRole('button', { name: /^team-2\/policy-2(?!\d)/ });
    expect(within(third).getByText('Ingress')).toBeTruthy();
    fireEvent.click(third);
    expect(useViewStore.getState().selection).toEqual({ kind: 'policy', id: 'team-2/policy-2' });
    expect(third.getAttribute('aria-pressed')).toBe('true');
  });

  it('mounts only the rows in view of 5,000 policies, and says where each row stands in the list', () => {
    openPolicies(5000);
    render(<PolicyList />);
    expect(screen.getByRole('heading', { name: 'Policies (5000)' })).toBeTruthy();
    const shown = policyButtons();
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(40);
    expect(shown[0].textContent).toContain('team-0/policy-0');
    expect(shown[0].closest('li')?.getAttribute('aria-posinset')).toBe('1');
    expect(shown[0].closest('li')?.getAttribute('aria-setsize')).toBe('5000');
  });

  it('scrolls a policy selected elsewhere (on the canvas) into view, pressed', async () => {
    openPolicies(5000);
    render(<PolicyList />);
    expect(screen.queryByRole('button', { name: /team-1\/policy-4321(?!\d)/ })).toBeNull();
    act(() => useViewStore.getState().select({ kind: 'policy', id: 'team-1/policy-4321' }));
    const selected = await screen.findByRole('button', { name: /team-1\/policy-4321(?!\d)/ });
    expect(selected.getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByRole('button', { name: /team-0\/policy-0(?!\d)/ })).toBeNull();
    expect(policyButtons().length).toBeLessThan(40);
  });
});
