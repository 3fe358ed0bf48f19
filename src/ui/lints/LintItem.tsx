import type { Lint } from '../../engine';
import { useViewStore } from '../../store/useViewStore';
import { selectionOf } from './selectionOf';
import { severityMark } from './severityMark';

/** One finding: its message, the objects it names (click to select) and its Fix button when it has one. */
export function LintItem({ lint, onFix }: { lint: Lint; onFix: (lint: Lint) => void }) {
  const select = useViewStore((state) => state.select);
  return (
    <li className={`lint lint--${lint.severity}`} data-lint={lint.code}>
      <p className="lint__message">
        <span aria-hidden="true">{severityMark[lint.severity]}</span> {lint.message}
      </p>
      <div className="lint__actions">
        {lint.objects.slice(0, 4).map((id) => (
          <button key={id} type="button" className="lint__object" onClick={() => select(selectionOf(id))}>
            {id}
          </button>
        ))}
        {(lint.fix || lint.allowFlow) && (
          <button type="button" className="lint__fix" onClick={() => onFix(lint)}>
            Fix
          </button>
        )}
      </div>
    </li>
  );
}
