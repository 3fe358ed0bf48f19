// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Dialog } from './Dialog';

function Opener({ onClose = () => {} }: { onClose?: () => void }) {
  const [isOpen, setOpen] = useState(false);
  const close = () => {
    onClose();
    setOpen(false);
  };
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Open
      </button>
      {isOpen && (
        <Dialog
          title="Rename"
          onClose={close}
          buttons={
            <>
              <button type="button" onClick={close}>
                Cancel
              </button>
              <button type="button">Save</button>
            </>
          }
        >
          <input aria-label="Name" />
        </Dialog>
      )}
    </>
  );
}

function open() {
  const opener = screen.getByRole('button', { name: 'Open' });
  opener.focus();
  fireEvent.click(opener);
  return opener;
}

afterEach(cleanup);

describe('Dialog', () => {
  it('is a modal dialog named by its title, with the focus moved to its first field', () => {
    render(<Opener />);
    open();
    const dialog = screen.getByRole('dialog', { name: 'Rename' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }));
  });

  it('keeps Tab and Shift+Tab inside', () => {
    render(<Opener />);
    open();
    const dialog = screen.getByRole('dialog');
    screen.getByRole('button', { name: 'Save' }).focus();
    fireEvent.keyDown(dialog, { key: 'Tab' });
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Name' }));
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Save' }));
  });

  it('closes on Escape and gives the focus back to what opened it', () => {
    const onClose = vi.fn();
    render(<Opener onClose={onClose} />);
    const opener = open();
    fireEvent.keyDown(screen.getByRole('textbox', { name: 'Name' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledOnce();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('takes an accessible name other than its title', () => {
    render(
      <Dialog title="Allow web → db" label="Choose the port" onClose={() => {}} buttons={<button type="button">OK</button>}>
        <p>text</p>
      </Dialog>,
    );
    expect(screen.getByRole('dialog', { name: 'Choose the port' })).toBeTruthy();
    expect(screen.getByRole('heading').textContent).toBe('Allow web → db');
  });
});
