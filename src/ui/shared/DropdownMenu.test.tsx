// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DropdownMenu, type DropdownMenuItem } from './DropdownMenu';

function renderMenu(items: DropdownMenuItem[] = [{ label: 'First', onSelect: () => {} }, { label: 'Second', onSelect: () => {} }, { label: 'Third', onSelect: () => {} }]) {
  render(
    <>
      <DropdownMenu buttonText="Things ▾" label="Things" items={items} />
      <p>elsewhere</p>
    </>,
  );
  return screen.getByRole('button', { name: 'Things ▾' });
}

const focusedText = () => document.activeElement?.textContent;

afterEach(cleanup);

describe('DropdownMenu', () => {
  it('opens on a click (Enter and Space click a button) with the first item focused', () => {
    const button = renderMenu();
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(screen.getByRole('menu', { name: 'Things' })).toBeTruthy();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(focusedText()).toBe('First');
  });

  it('opens on ArrowDown at the first item and on ArrowUp at the last', () => {
    const button = renderMenu();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    expect(focusedText()).toBe('First');
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    fireEvent.keyDown(button, { key: 'ArrowUp' });
    expect(focusedText()).toBe('Third');
  });

  it('moves with ArrowDown and ArrowUp, wrapping around, and jumps with Home and End', () => {
    const button = renderMenu();
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    const menu = screen.getByRole('menu');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(focusedText()).toBe('Second');
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    fireEvent.keyDown(menu, { key: 'ArrowDown' });
    expect(focusedText()).toBe('First');
    fireEvent.keyDown(menu, { key: 'ArrowUp' });
    expect(focusedText()).toBe('Third');
    fireEvent.keyDown(menu, { key: 'Home' });
    expect(focusedText()).toBe('First');
    fireEvent.keyDown(menu, { key: 'End' });
    expect(focusedText()).toBe('Third');
  });

  it('closes on Escape and gives the focus back to the button', () => {
    const button = renderMenu();
    fireEvent.click(button);
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('closes on Tab', () => {
    renderMenu();
    fireEvent.click(screen.getByRole('button', { name: 'Things ▾' }));
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Tab' });
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('closes on a click outside it', () => {
    renderMenu();
    fireEvent.click(screen.getByRole('button', { name: 'Things ▾' }));
    fireEvent.mouseDown(screen.getByText('elsewhere'));
    expect(screen.queryByRole('menu')).toBeNull();
  });

  it('runs the chosen item, closes and focuses the button; a disabled item does nothing', () => {
    const chosen = vi.fn();
    const skipped = vi.fn();
    const button = renderMenu([
      { label: 'Off', hint: 'nothing to export', isDisabled: true, onSelect: skipped },
      { label: 'On', onSelect: chosen },
    ]);
    fireEvent.click(button);
    expect(screen.getByRole('menuitem', { name: /^Off/ }).getAttribute('aria-disabled')).toBe('true');
    fireEvent.click(screen.getByRole('menuitem', { name: /Off/ }));
    expect(skipped).not.toHaveBeenCalled();
    expect(screen.getByRole('menu')).toBeTruthy();
    fireEvent.click(screen.getByRole('menuitem', { name: 'On' }));
    expect(chosen).toHaveBeenCalledOnce();
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('toggles a checkbox item with Enter and stays open on it, while a plain item closes the menu', () => {
    const toggled = vi.fn();
    const button = renderMenu([
      { label: 'shop', isChecked: true, onSelect: toggled },
      { label: 'Show all', onSelect: () => {} },
    ]);
    fireEvent.keyDown(button, { key: 'ArrowDown' });
    const item = screen.getByRole('menuitemcheckbox', { name: /shop/ });
    expect(item.getAttribute('aria-checked')).toBe('true');
    expect(document.activeElement).toBe(item);
    fireEvent.click(item);
    expect(toggled).toHaveBeenCalledOnce();
    expect(screen.getByRole('menu')).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'ArrowDown' });
    expect(focusedText()).toBe('Show all');
    fireEvent.keyDown(screen.getByRole('menu'), { key: 'Escape' });
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });
});
