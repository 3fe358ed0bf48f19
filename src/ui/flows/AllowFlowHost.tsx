import { useEffect, useRef } from 'react';
import { ConnectFlowDialog } from './ConnectFlowDialog';
import { AllowToPicker } from './AllowToPicker';
import { useAllowFlow } from './useAllowFlow';

/**
 * Carries out "Allow to…": the destination picker, then the very dialog a drag from one card to another opens (port,
 * plan preview, Apply); when it ends, focus goes back to the button that started it.
 */
export function AllowFlowHost() {
  const source = useAllowFlow((state) => state.source);
  const target = useAllowFlow((state) => state.target);
  const chooseTarget = useAllowFlow((state) => state.chooseTarget);
  const finish = useAllowFlow((state) => state.finish);
  const started = useRef<{ opener: HTMLElement | null; source: string } | null>(null);

  useEffect(() => {
    if (source !== null) {
      started.current = { opener: useAllowFlow.getState().opener, source };
      return;
    }
    const last = started.current;
    started.current = null;
    if (last === null || document.querySelector('.dialog') !== null) return;
    // The button that started it, else the source's card (a card's button goes when the card is no longer selected).
    const card = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].find((node) => node.dataset.id === last.source);
    (last.opener?.isConnected ? last.opener : card)?.focus();
  }, [source]);

  if (source === null) return null;
  if (target === null) return <AllowToPicker source={source} onPick={chooseTarget} onCancel={finish} />;
  return <ConnectFlowDialog source={source} target={target} onClose={finish} />;
}
