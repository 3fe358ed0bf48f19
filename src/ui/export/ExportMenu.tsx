import { useEffect, useState } from 'react';
import { DropdownMenu } from '../shared/DropdownMenu';
import './exportMenu.css';
import { useExportActions, type ExportOutcome } from './useExportActions';

/** How long a message stays: a success briefly, a warning or an error long enough to read. */
const MESSAGE_MS = { done: 4000, warning: 12000, error: 12000 } as const;

/** The toolbar's "Export ▾" menu button: YAML downloads, clipboard copy and canvas images, with a message on how it went. */
export function ExportMenu() {
  const actions = useExportActions();
  const [outcome, setOutcome] = useState<ExportOutcome | null>(null);

  useEffect(() => {
    if (outcome === null) return;
    const timer = setTimeout(() => setOutcome(null), MESSAGE_MS[outcome.tone]);
    return () => clearTimeout(timer);
  }, [outcome]);

  const items = actions.map((action) => ({
    label: action.label,
    hint: action.hint,
    isDisabled: action.isDisabled,
    onSelect: () => {
      setOutcome({ message: 'Exporting…', tone: 'done' });
      void action.run().then(setOutcome);
    },
  }));

  return (
    <div className="export-menu">
      <DropdownMenu buttonText="Export ▾" label="Export" items={items} onOpen={() => setOutcome(null)} />
      <span className={`export-menu__status export-menu__status--${outcome?.tone ?? 'done'}`} role="status">
        {outcome?.message}
      </span>
    </div>
  );
}
