// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useDelayedFlag } from './useDelayedFlag';

function Probe({ flag }: { flag: boolean }) {
  return <p>{useDelayedFlag(flag, 400) ? 'shown' : 'hidden'}</p>;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('useDelayedFlag', () => {
  it('turns true only after the flag has stayed true for the delay, and false at once', () => {
    vi.useFakeTimers();
    const { rerender } = render(<Probe flag={true} />);
    act(() => vi.advanceTimersByTime(399));
    expect(screen.getByRole('paragraph').textContent).toBe('hidden');
    act(() => vi.advanceTimersByTime(1));
    expect(screen.getByRole('paragraph').textContent).toBe('shown');
    rerender(<Probe flag={false} />);
    expect(screen.getByRole('paragraph').textContent).toBe('hidden');
  });

  it('never turns true for work shorter than the delay', () => {
    vi.useFakeTimers();
    const { rerender } = render(<Probe flag={true} />);
    act(() => vi.advanceTimersByTime(300));
    rerender(<Probe flag={false} />);
    rerender(<Probe flag={true} />);
    act(() => vi.advanceTimersByTime(300));
    expect(screen.getByRole('paragraph').textContent).toBe('hidden');
  });
});
