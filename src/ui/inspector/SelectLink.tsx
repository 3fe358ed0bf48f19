import type { ReactNode } from 'react';
import { useViewStore, type Selection } from '../../store/useViewStore';

/** A button that selects a workload, policy, namespace or edge when clicked. */
export function SelectLink({ target, children }: { target: Selection; children: ReactNode }) {
  const select = useViewStore((state) => state.select);
  return (
    <button type="button" className="link-button" onClick={() => select(target)}>
      {children}
    </button>
  );
}
