import { useAnalysisStore } from '../../store/useAnalysisStore';
import { AnalysisStatus } from './AnalysisStatus';
import { NamespaceFilter } from '../canvas/NamespaceFilter';
import { MainViewToggle } from '../matrix/MainViewToggle';
import { BaselineControls } from '../baseline/BaselineControls';
import { SearchBox } from '../canvas/SearchBox';
import { ExportMenu } from '../export/ExportMenu';
import { ExamplesMenu } from '../files/ExamplesMenu';
import { FileButtons } from '../files/FileButtons';
import { UndoRedoButtons } from '../files/UndoRedoButtons';
import { TemplatesMenu } from '../templates/TemplatesMenu';
import { TrafficMenu } from '../observed/TrafficMenu';
import { NewWorkspaceButton } from '../start/NewWorkspaceButton';
import { ShareLinkButton } from '../share/ShareLinkButton';

function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

/** The top bar: file actions, examples, export, undo/redo, then the canvas filters and what the document holds. */
export function Toolbar() {
  const { model, connectionCount, issues } = useAnalysisStore((state) => state.current);
  return (
    <header className="toolbar">
      <h1 className="toolbar__title">netpol-canvas</h1>
      <NewWorkspaceButton />
      <FileButtons />
      <ExamplesMenu />
      <ExportMenu />
      <ShareLinkButton />
      <TemplatesMenu />
      <TrafficMenu />
      <UndoRedoButtons />
      <span className="toolbar__spacer" />
      <BaselineControls />
      <MainViewToggle />
      <NamespaceFilter />
      <SearchBox />
      <AnalysisStatus />
      <span className="toolbar__summary" data-testid="document-summary" title="What the workspace holds">
        {[
          count(model.workloads.length, 'workload'),
          count(model.policies.length, 'policy', 'policies'),
          ...(model.clusterPolicies.length > 0 ? [count(model.clusterPolicies.length, 'cluster policy', 'cluster policies')] : []),
          count(connectionCount, 'allowed flow'),
          count(issues.length, 'issue'),
        ].join(' · ')}
      </span>
    </header>
  );
}
