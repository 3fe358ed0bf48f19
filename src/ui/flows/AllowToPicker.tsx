import { useId, useMemo } from 'react';
import { useLiveAnalysis } from '../../store/useLiveAnalysis';
import { graphOf } from '../../store/graph/graphOf';
import { Combobox } from '../explain/Combobox';
import { Dialog } from '../shared/Dialog';
import { flowDestinations } from './flowDestinations';
import './flows.css';

const NONE: readonly never[] = [];

/** "Allow <source> to…": a dialog whose combobox lists the destinations a drag would accept; typing filters, arrows move, Enter picks, Escape cancels. */
export function AllowToPicker({ source, onPick, onCancel }: { source: string; onPick: (target: string) => void; onCancel: () => void }) {
  const { analysis } = useLiveAnalysis();
  const id = useId();
  const choices = useMemo(() => flowDestinations(graphOf(analysis), source), [analysis, source]);
  const name = analysis.model.workloads.find((w) => w.id === source)?.name ?? source;
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
    </Dialog>
  );
}
