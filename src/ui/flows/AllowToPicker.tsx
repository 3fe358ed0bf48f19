import { useId } from 'react';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useSelectionJob } from '../../store/useSelectionJob';
import { Combobox } from '../explain/Combobox';
import { Dialog } from '../shared/Dialog';
import './flows.css';

const NONE: readonly never[] = [];

/** "Allow <source> to…": a dialog whose combobox lists the destinations a drag would accept; typing filters, arrows move, Enter picks, Escape cancels. */
export function AllowToPicker({ source, onPick, onCancel }: { source: string; onPick: (target: string) => void; onCancel: () => void }) {
  const id = useId();
  // Asked of the analysis worker: at 1,000 workloads the list took the page's main thread for seconds.
  const outcome = useSelectionJob('flowDestinations', source);
  const choices = outcome?.status === 'done' ? outcome.result : NONE;
  const name = useAnalysisStore((state) => state.live.model.workloads.find((w) => w.id === source)?.name ?? source);
  return (
    <Dialog
      title={`Allow ${name} to…`}
      onClose={onCancel}
      buttons={
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      }
    >
      <p className="flow-dialog__hint flow-dialog__hint--first">Type to filter, ↓ and ↑ to move, Enter to choose: the port and a preview of the policy change follow.</p>
      <div className="flow-dialog__row flow-dialog__row--destination">
        <label htmlFor={`${id}-destination`}>Destination</label>
        <Combobox id={`${id}-destination`} value="" choices={choices} pinned={NONE} onChange={onPick} />
      </div>
      {outcome === null && (
        <p className="flow-dialog__hint" role="status">
          Listing the destinations…
        </p>
      )}
    </Dialog>
  );
}
