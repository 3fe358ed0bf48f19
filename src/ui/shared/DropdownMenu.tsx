import { useCallback, useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useOutsideClick } from './useOutsideClick';
import './dropdownMenu.css';

/** One entry of a {@link DropdownMenu}. */
export interface DropdownMenuItem {
  label: string;
  /** A short muted explanation after the label. */
  hint?: string;
  /** Shown but not chosen (`aria-disabled`, still reachable from the keyboard). */
  isDisabled?: boolean;
  /** Makes it a checkbox item (`menuitemcheckbox`, ✓ when checked) that toggles and leaves the menu open. */
  isChecked?: boolean;
  onSelect: () => void;
}

/** Props of {@link DropdownMenu}. */
export interface DropdownMenuProps {
  /** The button's text, e.g. `Export ▾`. */
  buttonText: string;
  /** The accessible name of the menu, e.g. `Export`. */
  label: string;
  items: readonly DropdownMenuItem[];
  /** Called each time the menu opens. */
  onOpen?: () => void;
}

function menuItemsOf(list: HTMLElement | null): HTMLElement[] {
  return [...(list?.querySelectorAll<HTMLElement>('[role="menuitem"], [role="menuitemcheckbox"]') ?? [])];
}

/** Focuses the item at `index`, counted from the end when negative and wrapping around past either end. */
function focusMenuItem(list: HTMLElement | null, index: number): void {
  const items = menuItemsOf(list);
  items[(index + items.length) % items.length]?.focus();
}

/**
 * A menu button as in the WAI-ARIA menu button pattern: Enter, Space or ArrowDown open it on the first item (ArrowUp
 * on the last); ArrowUp, ArrowDown, Home and End move; Enter or Space choose (a checkbox item toggles and the menu
 * stays open); Escape closes and returns focus to the button; Tab and a click outside close it. Every toolbar menu is
 * one of these.
 */
export function DropdownMenu({ buttonText, label, items, onOpen }: DropdownMenuProps) {
  const [isOpen, setOpen] = useState(false);
  const focusOnOpen = useRef(0);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (isOpen) focusMenuItem(list.current, focusOnOpen.current);
  }, [isOpen]);

  const dismiss = useCallback(() => setOpen(false), []);
  useOutsideClick(root, isOpen, dismiss);

  const open = (index: number) => {
    focusOnOpen.current = index;
    onOpen?.();
    setOpen(true);
  };

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  const choose = (item: DropdownMenuItem) => {
    if (item.isDisabled) return;
    if (item.isChecked === undefined) close();
    item.onSelect();
  };

  const onButtonKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    open(event.key === 'ArrowDown' ? 0 : -1);
  };

  const onMenuKeyDown = (event: KeyboardEvent) => {
    const current = menuItemsOf(list.current).findIndex((item) => item === document.activeElement);
    const focusItem = (index: number) => focusMenuItem(list.current, index);
    switch (event.key) {
      case 'ArrowDown':
        focusItem(current + 1);
        break;
      case 'ArrowUp':
        focusItem(current - 1);
        break;
      case 'Home':
        focusItem(0);
        break;
      case 'End':
        focusItem(-1);
        break;
      case 'Escape':
        close();
        break;
      case 'Tab':
        setOpen(false);
        return;
      default:
        return;
    }
    event.preventDefault();
  };

  const onBlur = (event: FocusEvent) => {
    if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
  };

  return (
    <div className="dropdown-menu" ref={root} onBlur={onBlur}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={isOpen}
        aria-controls={isOpen ? menuId : undefined}
        onClick={() => (isOpen ? setOpen(false) : open(0))}
        onKeyDown={onButtonKeyDown}
      >
        {buttonText}
      </button>
      {isOpen && (
        <ul ref={list} id={menuId} className="dropdown-menu__list" role="menu" aria-label={label} onKeyDown={onMenuKeyDown}>
          {items.map((item) => (
            <li key={item.label} role="none">
              <button
                type="button"
                role={item.isChecked === undefined ? 'menuitem' : 'menuitemcheckbox'}
                aria-checked={item.isChecked}
                className="dropdown-menu__item"
                aria-disabled={item.isDisabled}
                tabIndex={-1}
                onClick={() => choose(item)}
              >
                {item.isChecked !== undefined && (
                  <span className="dropdown-menu__check" aria-hidden="true">
                    {item.isChecked ? '✓' : ''}
                  </span>
                )}
                {item.label}
                {item.hint !== undefined && <span className="dropdown-menu__hint"> — {item.hint}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
