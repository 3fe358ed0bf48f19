// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { Lint } from '../../engine';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { LintList } from './LintList';

/** `count` findings, one per policy `ns-<i>/deny`. */
function showFindings(count: number): void {
  const findings: Lint[] = Array.from({ length: count }, (_, i) => ({ code: 'no-match', severity: 'warning', message: `Finding ${i + 1}`, objects: [`ns-${i}/deny`] }));
  useAnalysisStore.setState({ findings });
}

const findings = () => within(screen.getByRole('region', { name: /Findings/ }));

afterEach(cleanup);

describe('LintList', () => {
  it('shows every finding of a short list', () => {
    showFindings(3);
    render(<LintList />);
    expect(findings().getByRole('heading', { name: 'Findings (3)' })).toBeTruthy();
    expect(findings().getAllByRole('listitem').map((item) => item.querySelector('p')?.textContent)).toEqual(['⚠ Finding 1', '⚠ Finding 2', '⚠ Finding 3']);
    expect(findings().queryByRole('button', { name: /more/ })).toBeNull();
  });

  it('shows the first 50 of hundreds of findings, and 50 more at each click', () => {
    showFindings(234);
    render(<LintList />);
    expect(findings().getByRole('heading', { name: 'Findings (234)' })).toBeTruthy();
    expect(findings().getAllByRole('listitem')).toHaveLength(50);
    fireEvent.click(findings().getByRole('button', { name: 'Show 50 more (184 not shown)' }));
    expect(findings().getAllByRole('listitem')).toHaveLength(100);
    fireEvent.click(findings().getByRole('button', { name: 'Show 50 more (134 not shown)' }));
    fireEvent.click(findings().getByRole('button', { name: 'Show 50 more (84 not shown)' }));
    fireEvent.click(findings().getByRole('button', { name: 'Show the other 34' }));
    expect(findings().getAllByRole('listitem')).toHaveLength(234);
    expect(findings().getByRole('button', { name: 'ns-233/deny' })).toBeTruthy();
    expect(findings().queryByRole('button', { name: /more/ })).toBeNull();
  });

  it('shows 199 findings of one code about one policy as one entry with its count, expanded on demand', () => {
    const rules: Lint[] = Array.from({ length: 199 }, (_, i) => ({ code: 'rule-shadowed', severity: 'info', message: `core/big ingress rule ${i + 2} is shadowed.`, objects: ['core/big'] }));
    useAnalysisStore.setState({ findings: [{ code: 'no-default-deny', severity: 'info', message: 'Namespace core has no default-deny.', objects: ['ns:core'] }, ...rules] });
    render(<LintList />);
    expect(findings().getByRole('heading', { name: 'Findings (200)' })).toBeTruthy();
    expect(findings().getAllByRole('listitem')).toHaveLength(2);
    expect(findings().getByText(/199 × rule-shadowed in core\/big/)).toBeTruthy();
    fireEvent.click(findings().getByRole('button', { name: 'Show all 199' }));
    expect(findings().getAllByRole('listitem')).toHaveLength(201);
    expect(findings().getByText('core/big ingress rule 200 is shadowed.')).toBeTruthy();
  });
});
