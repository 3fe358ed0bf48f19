import { useId } from 'react';
import { Combobox, type ComboboxChoice } from './Combobox';

/** Up to this many workloads a plain `<select>` lists them all (one `<option>` each); beyond, a field with suggestions mounts at most a few dozen. */
const SELECT_LIMIT = 150;

/** One end of the connection to explain: a workload, or `external` (an address typed beside it). */
export function EndpointField({
  label,
  value,
  workloads,
  external,
  onChange,
}: {
  label: string;
  value: string;
  workloads: readonly ComboboxChoice[];
  external: ComboboxChoice;
  onChange: (value: string) => void;
}) {
  const id = useId();
  if (workloads.length <= SELECT_LIMIT) {
    return (
      <label>
        {label}
        <select value={value} onChange={(event) => onChange(event.target.value)}>
          {[...workloads, external].map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
      </label>
    );
  }
  return (
    <div className="explain-panel__field">
      <label htmlFor={id}>{label}</label>
      <Combobox id={id} value={value} choices={workloads} pinned={[external]} onChange={onChange} />
    </div>
  );
}
