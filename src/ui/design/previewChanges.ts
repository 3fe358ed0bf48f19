import { diffEvaluations, isEmptyConns, type SourceFile } from '../../engine';
import { selectAnalysis } from '../../store/selectAnalysis';
import { compactConns } from '../../store/graph/compactConns';

/** One line of a change preview: an edge that appears, disappears or changes its ports. */
export interface PreviewLine {
  kind: 'added' | 'removed' | 'changed';
  text: string;
}

/** The edges a change alters, in words, comparing the workspace before and after it. */
export function previewChanges(before: readonly SourceFile[], after: readonly SourceFile[]): PreviewLine[] {
  const a = selectAnalysis({ files: before });
  const b = selectAnalysis({ files: after });
  const name = (id: string) => id.replace(/\[(External)\]$/, ' (external)');
  return diffEvaluations(a.evaluation, b.evaluation).map((c) => ({
    kind: c.kind,
    text:
      c.kind === 'changed'
        ? `${name(c.src)} → ${name(c.dst)}: ${compactConns(c.before)} becomes ${compactConns(c.after)}`
        : `${name(c.src)} → ${name(c.dst)}: ${compactConns(isEmptyConns(c.after) ? c.before : c.after)}`,
  }));
}
