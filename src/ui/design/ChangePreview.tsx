import { useEffect, useMemo, useRef } from 'react';
import type { SourceFile } from '../../engine';
import { Dialog } from '../shared/Dialog';
import { previewChanges } from './previewChanges';
import './changePreview.css';

const MARK = { added: '+ allowed', removed: '− denied', changed: '~ changed' } as const;
const SHOWN = 40;

/** Props of {@link ChangePreview}. */
export interface ChangePreviewProps {
  title: string;
  /** What will be edited, one sentence per change. */
  descriptions: string[];
  /** Connections other than the requested one that the change alters, in words with why; shown before Apply. */
  sideEffects?: string[];
  /** The what-if edit that would make the change exact, offered as a button. */
  exactFix?: { description: string; onApply: () => void };
  before: readonly SourceFile[];
  after: readonly SourceFile[];
  onApply: () => void;
  onCancel: () => void;
}

/** A dialog that shows what a change will edit and which edges it adds, removes or changes, before it is applied. */
export function ChangePreview({ title, descriptions, sideEffects = [], exactFix, before, after, onApply, onCancel }: ChangePreviewProps) {
  const lines = useMemo(() => previewChanges(before, after), [before, after]);
  const applyRef = useRef<HTMLButtonElement>(null);
  useEffect(() => applyRef.current?.focus(), []);
  return (
    <Dialog
      title={title}
      isWide
      onClose={onCancel}
      buttons={
        <>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="button" ref={applyRef} onClick={onApply}>
            Apply
          </button>
        </>
      }
    >
      <ul className="change-preview__edits">
        {descriptions.map((d) => (
          <li key={d}>{d}</li>
        ))}
      </ul>
      {sideEffects.length > 0 && (
        <div className="change-preview__side-effects" data-testid="change-preview-side-effects">
          <h3 className="change-preview__subtitle">
            Not exact: it also changes {sideEffects.length} other {sideEffects.length === 1 ? 'connection' : 'connections'}
          </h3>
          <ul>
            {sideEffects.slice(0, SHOWN).map((e) => (
              <li key={e}>{e}</li>
            ))}
            {sideEffects.length > SHOWN && <li>… and {sideEffects.length - SHOWN} more</li>}
          </ul>
          {exactFix && (
            <p className="change-preview__fix">
              {exactFix.description}{' '}
              <button type="button" onClick={exactFix.onApply}>
                Add the label and plan again
              </button>
            </p>
          )}
        </div>
      )}
      <h3 className="change-preview__subtitle">Effect on the graph</h3>
      {lines.length === 0 ? (
        <p className="change-preview__none">No edge changes.</p>
      ) : (
        <ul className="change-preview__diff" data-testid="change-preview-diff">
          {lines.slice(0, SHOWN).map((l) => (
            <li key={l.text} className={`change-preview__line change-preview__line--${l.kind}`}>
              <span className="change-preview__mark">{MARK[l.kind]}</span> {l.text}
            </li>
          ))}
          {lines.length > SHOWN && <li>… and {lines.length - SHOWN} more</li>}
        </ul>
      )}
    </Dialog>
  );
}
