import { CONNLIST_FORMATS, exportManifests, type ConnlistFormat, type ExportScope } from '../../engine';
import { runOnDocument, useAnalysisStore } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore } from '../../store/useViewStore';
import { captureCanvas, type ImageFormat } from './captureCanvas';
import { downloadBlob, downloadText } from './downloadFile';
import { policyFileName } from './policyFileName';

/** What an export did, told to the person; a `warning` or an `error` stays longer than `done`. */
export interface ExportOutcome {
  message: string;
  tone: 'done' | 'warning' | 'error';
}

/** One entry of the Export menu. */
export interface ExportAction {
  label: string;
  /** Extra words shown after the label: what will be exported, or why it cannot be. */
  hint?: string;
  isDisabled: boolean;
  run: () => Promise<ExportOutcome>;
}

const done = (message: string): ExportOutcome => ({ message, tone: 'done' });
const failed = (message: string): ExportOutcome => ({ message, tone: 'error' });

/** How many errors the document has now, from the analysis worker. */
async function errorCount(): Promise<number> {
  const { answered, version, current } = useAnalysisStore.getState();
  if (answered?.version === version) return current.errorCount;
  const outcome = await runOnDocument('analyze', null);
  return outcome.status === 'done' ? outcome.result.errorCount : 0;
}

async function saved(fileName: string): Promise<ExportOutcome> {
  const errors = await errorCount();
  if (errors === 0) return done(`Saved ${fileName}`);
  const those = errors === 1 ? '1 error' : `${errors} errors`;
  return { message: `Saved ${fileName}, but the YAML has ${those}: documents that do not parse are left out`, tone: 'warning' };
}

function yamlOf(scope: ExportScope): string {
  return exportManifests(useDocumentStore.getState().files, scope);
}

async function downloadYaml(scope: ExportScope, fileName: string): Promise<ExportOutcome> {
  downloadText(yamlOf(scope), fileName);
  return saved(fileName);
}

async function downloadConnlist(format: ConnlistFormat): Promise<ExportOutcome> {
  const fileName = `connlist.${format}`;
  const outcome = await runOnDocument('connlist', { format });
  if (outcome.status !== 'done') return failed(`Could not list the connections: ${outcome.status === 'error' ? outcome.message : 'the document changed'}`);
  downloadText(outcome.result, fileName);
  return saved(fileName);
}

async function copyPolicies(): Promise<ExportOutcome> {
  const instead = 'use “Download policies (YAML)” instead';
  if (!navigator.clipboard) return failed(`This page has no clipboard access: ${instead}`);
  try {
    await navigator.clipboard.writeText(yamlOf({ kind: 'policies' }));
    return done('Copied the policies to the clipboard');
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return failed(`The browser refused clipboard access (${reason}): ${instead}`);
  }
}

async function downloadImage(format: ImageFormat): Promise<ExportOutcome> {
  const fileName = `netpol-canvas.${format}`;
  try {
    const image = await captureCanvas(format);
    if (image === null) return failed('The canvas is empty: there is nothing to export');
    downloadBlob(image, fileName);
    return done(`Saved ${fileName}`);
  } catch (error) {
    return failed(`Could not render ${fileName}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Texts at least this long count as written without reading them: a 2 MB text just typed into is a rope, and trimming it copied it whole (~14 ms a key). */
const SURELY_WRITTEN_CHARS = 65_536;

/** True when `text` is only whitespace (a text of SURELY_WRITTEN_CHARS or more is taken as written). */
function isBlank(text: string): boolean {
  return text.length < SURELY_WRITTEN_CHARS && text.trim() === '';
}

/** The Export menu's entries, enabled according to what the workspace holds and what is selected. */
export function useExportActions(): ExportAction[] {
  const model = useAnalysisStore((state) => state.current.model);
  const isWorkspaceEmpty = useDocumentStore((state) => state.files.every((file) => isBlank(file.text)));
  const selection = useViewStore((state) => state.selection);
  const selectedPolicy = selection?.kind === 'policy' ? selection.id : null;
  const policyId = selectedPolicy !== null && model.policies.some((p) => p.id === selectedPolicy) ? selectedPolicy : null;
  const hasPolicies = model.policies.length > 0;
  const noPolicies = hasPolicies ? undefined : 'no NetworkPolicy yet';
  return [
    {
      label: 'Download policies (YAML)',
      hint: noPolicies,
      isDisabled: !hasPolicies,
      run: () => downloadYaml({ kind: 'policies' }, 'policies.yaml'),
    },
    {
      label: 'Download everything (YAML)',
      isDisabled: isWorkspaceEmpty,
      run: () => downloadYaml({ kind: 'all' }, 'workspace.yaml'),
    },
    { label: 'Copy policies to clipboard', hint: noPolicies, isDisabled: !hasPolicies, run: copyPolicies },
    {
      label: 'Download selected policy',
      hint: policyId ?? (selectedPolicy === null ? 'select a policy first' : `${selectedPolicy} is not in the YAML now`),
      isDisabled: policyId === null,
      run: () => (policyId === null ? Promise.resolve(failed('Select a policy first')) : downloadYaml({ kind: 'policy', id: policyId }, policyFileName(policyId))),
    },
    { label: 'Export PNG', isDisabled: isWorkspaceEmpty, run: () => downloadImage('png') },
    { label: 'Export SVG', isDisabled: isWorkspaceEmpty, run: () => downloadImage('svg') },
    ...CONNLIST_FORMATS.map((format) => ({
      label: `Connection list (${format})`,
      hint: format === 'txt' ? 'as netpol-analyzer lists it' : undefined,
      isDisabled: isWorkspaceEmpty,
      run: () => downloadConnlist(format),
    })),
  ];
}
