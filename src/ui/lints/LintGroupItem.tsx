import { useState } from 'react';
import type { Lint, LintGroup } from '../../engine';
import { LintItem } from './LintItem';
import { severityMark } from './severityMark';

/** A group of findings of one code about one object: one line with the count and the first message, expanded on demand to every finding. */
export function LintGroupItem({ group, onFix }: { group: LintGroup; onFix: (lint: Lint) => void }) {
  const [isOpen, setOpen] = useState(false);
  if (group.lints.length === 1) return <LintItem lint={group.lints[0]} onFix={onFix} />;
  return (
    <li className={`lint lint--${group.severity} lint-group`} data-lint={group.code}>
      <p className="lint__message">
        <span aria-hidden="true">{severityMark[group.severity]}</span> {group.lints.length} × {group.code} in {group.object}, e.g. {group.lints[0].message}
      </p>
      <button type="button" className="lint-group__toggle" aria-expanded={isOpen} onClick={() => setOpen(!isOpen)}>
        {isOpen ? 'Hide' : `Show all ${group.lints.length}`}
      </button>
      {isOpen && (
        <ul className="lint-group__items">
          {group.lints.map((lint, i) => (
            <LintItem key={i} lint={lint} onFix={onFix} />
          ))}
        </ul>
      )}
    </li>
  );
}
