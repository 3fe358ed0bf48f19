// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { EndpointField } from './EndpointField';

const EXTERNAL = { value: '__external__', label: 'an external address…' };

/** `count` workloads `ns-<i % 10>/app-<i>[Deployment]`. */
function workloadChoices(count: number) {
  return Array.from({ length: count }, (_, i) => `ns-${i % 10}/app-${i}[Deployment]`).map((id) => ({ value: id, label: id }));
}

/** The Source field of the Explain form, holding its value as the panel does. */
function Source({ count }: { count: number }) {
  const [value, setValue] = useState('ns-0/app-0[Deployment]');
  return (
    <>
      <EndpointField label="Source" value={value} workloads={workloadChoices(count)} external={EXTERNAL} onChange={setValue} />
      <output aria-label="Chosen">{value}</output>
    </>
  );
}

const chosen = () => screen.getByRole('status', { name: 'Chosen' }).textContent;
const suggestions = () => within(screen.getByRole('listbox')).getAllByRole('option').map((option) => option.textContent);

afterEach(cleanup);

describe('EndpointField', () => {
  it('offers a few workloads in a plain select, one option each, and the external address last', () => {
    render(<Source count={12} />);
    const source = screen.getByLabelText('Source');
    expect(source.tagName).toBe('SELECT');
    expect(within(source).getAllByRole('option')).toHaveLength(13);
    fireEvent.change(source, { target: { value: 'ns-3/app-3[Deployment]' } });
    expect(chosen()).toBe('ns-3/app-3[Deployment]');
  });

  it('with many workloads, suggests at most 50 of those matching what is typed, and the external address', () => {
    render(<Source count={5000} />);
    const source = screen.getByRole('combobox', { name: 'Source' });
    expect(source).toHaveProperty('value', 'ns-0/app-0[Deployment]');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(screen.queryAllByRole('option')).toHaveLength(0);

    fireEvent.change(source, { target: { value: 'ns-7/' } });
    expect(source.getAttribute('aria-expanded')).toBe('true');
    expect(suggestions()).toHaveLength(51);
    expect(suggestions().slice(0, 2)).toEqual(['ns-7/app-7[Deployment]', 'ns-7/app-17[Deployment]']);
    expect(suggestions().at(-1)).toBe('an external address…');
    expect(screen.getByText('First 50 of 500 matches: type more to narrow')).toBeTruthy();

    fireEvent.change(source, { target: { value: 'APP-4999' } });
    expect(suggestions()).toEqual(['ns-9/app-4999[Deployment]', 'an external address…']);
    expect(screen.getByText('1 match')).toBeTruthy();
  });

  it('is driven by the keyboard: ArrowDown and ArrowUp move through the suggestions, Enter picks, Escape restores', () => {
    render(<Source count={300} />);
    const source = screen.getByRole('combobox', { name: 'Source' });
    fireEvent.change(source, { target: { value: 'app-12' } });
    expect(suggestions()).toEqual(['ns-2/app-12[Deployment]', 'ns-0/app-120[Deployment]', 'ns-1/app-121[Deployment]', 'ns-2/app-122[Deployment]', 'ns-3/app-123[Deployment]', 'ns-4/app-124[Deployment]', 'ns-5/app-125[Deployment]', 'ns-6/app-126[Deployment]', 'ns-7/app-127[Deployment]', 'ns-8/app-128[Deployment]', 'ns-9/app-129[Deployment]', 'an external address…']);
    const active = () => document.getElementById(source.getAttribute('aria-activedescendant') ?? '')?.textContent;
    expect(active()).toBe('ns-2/app-12[Deployment]');
    fireEvent.keyDown(source, { key: 'ArrowDown' });
    fireEvent.keyDown(source, { key: 'ArrowDown' });
    expect(active()).toBe('ns-1/app-121[Deployment]');
    fireEvent.keyDown(source, { key: 'ArrowUp' });
    expect(active()).toBe('ns-0/app-120[Deployment]');
    fireEvent.keyDown(source, { key: 'Enter' });
    expect(chosen()).toBe('ns-0/app-120[Deployment]');
    expect(source).toHaveProperty('value', 'ns-0/app-120[Deployment]');
    expect(screen.queryByRole('listbox')).toBeNull();

    fireEvent.change(source, { target: { value: 'app-29' } });
    fireEvent.keyDown(source, { key: 'Escape' });
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(source).toHaveProperty('value', 'ns-0/app-120[Deployment]');
    expect(chosen()).toBe('ns-0/app-120[Deployment]');

    fireEvent.keyDown(source, { key: 'ArrowDown' });
    expect(suggestions()).toHaveLength(51);
    expect(active()).toBeUndefined();
    fireEvent.keyDown(source, { key: 'ArrowUp' });
    expect(active()).toBe('an external address…');
    fireEvent.keyDown(source, { key: 'ArrowDown' });
    expect(active()).toBe('ns-0/app-0[Deployment]');
  });

  it('picks a suggestion clicked, or the workload whose full name was typed when focus leaves', () => {
    render(<Source count={300} />);
    const source = screen.getByRole('combobox', { name: 'Source' });
    fireEvent.change(source, { target: { value: 'external' } });
    fireEvent.click(screen.getByRole('option', { name: 'an external address…' }));
    expect(chosen()).toBe('__external__');
    expect(source).toHaveProperty('value', 'an external address…');

    fireEvent.change(source, { target: { value: 'ns-5/app-255[deployment]' } });
    fireEvent.blur(source);
    expect(chosen()).toBe('ns-5/app-255[Deployment]');
    fireEvent.change(source, { target: { value: 'ns-5/app-25' } });
    fireEvent.blur(source);
    expect(chosen()).toBe('ns-5/app-255[Deployment]');
    expect(source).toHaveProperty('value', 'ns-5/app-255[Deployment]');
  });
});
