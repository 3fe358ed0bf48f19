import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { exportManifests } from '../../engine';
import { WORKSPACE_VERSION } from '../../store/persistWorkspace';
import { SHARE_LINK_MAX_CHARS, shareFragmentOf } from '../../store/shareLink';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore } from '../../store/useViewStore';
import { downloadText } from '../export/downloadFile';
import { SharedLinkDialog } from './SharedLinkDialog';
import './share.css';

/** What "Copy link" did: copied; made a link the person copies by hand; found it too long; or failed. */
type Outcome =
  | { kind: 'copied' }
  | { kind: 'by-hand'; link: string; reason: string }
  | { kind: 'too-long'; length: number }
  | { kind: 'error'; message: string };

const COPIED_MS = 4000;

async function linkToWorkspace(): Promise<string> {
  const fragment = await shareFragmentOf({
    version: WORKSPACE_VERSION,
    files: useDocumentStore.getState().files,
    positions: { ...useViewStore.getState().positions },
    savedAt: new Date().toISOString(),
  });
  const { origin, pathname, search } = window.location;
  return origin + pathname + search + fragment;
}

async function copyLink(): Promise<Outcome> {
  let link: string;
  try {
    link = await linkToWorkspace();
  } catch (error) {
    return { kind: 'error', message: `Could not make the link: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (link.length > SHARE_LINK_MAX_CHARS) return { kind: 'too-long', length: link.length };
  if (!navigator.clipboard) return { kind: 'by-hand', link, reason: 'This page has no clipboard access' };
  try {
    await navigator.clipboard.writeText(link);
    return { kind: 'copied' };
  } catch (error) {
    return { kind: 'by-hand', link, reason: `The browser refused clipboard access (${error instanceof Error ? error.name : String(error)})` };
  }
}

function downloadWorkspace(): void {
  downloadText(exportManifests(useDocumentStore.getState().files, { kind: 'all' }), 'workspace.yaml');
}

/**
 * The toolbar's "Copy link": puts the workspace (files and dragged positions), compressed, into a link's fragment,
 * which browsers never send to a server, and copies it; shows the link to copy by hand when the clipboard is refused,
 * and offers a file when the link would be too long. Also opens such links (see {@link SharedLinkDialog}).
 */
export function ShareLinkButton() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [isBusy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (outcome?.kind === 'by-hand') field.current?.select();
    if (outcome?.kind !== 'copied') return;
    const timer = setTimeout(() => setOutcome(null), COPIED_MS);
    return () => clearTimeout(timer);
  }, [outcome]);

  const share = () => {
    setBusy(true);
    setOutcome(null);
    void copyLink().then((next) => {
      setOutcome(next);
      setBusy(false);
    });
  };

  const close = () => {
    setOutcome(null);
    button.current?.focus();
  };

  const onPanelKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    close();
  };

  const isPanel = outcome !== null && outcome.kind !== 'copied';
  return (
    <div className="share-link">
      <button ref={button} type="button" onClick={share} disabled={isBusy} title="Copy a link that holds this workspace; nothing is uploaded">
        Copy link
      </button>
      <span className="share-link__status" role="status">
        {outcome?.kind === 'copied' && 'Link copied: it holds the whole workspace, and nothing was uploaded'}
      </span>
      {isPanel && (
        <div className="share-link__panel" role="group" aria-label="Share link" onKeyDown={onPanelKeyDown}>
          {outcome.kind === 'by-hand' && (
            <label className="share-link__field">
              {outcome.reason}: copy the link from here.
              <input ref={field} readOnly value={outcome.link} onFocus={(event) => event.currentTarget.select()} />
            </label>
          )}
          {outcome.kind === 'too-long' && (
            <p className="share-link__message">
              The link would be {outcome.length.toLocaleString('en')} characters, more than the {SHARE_LINK_MAX_CHARS.toLocaleString('en')} a browser
              accepts. Share the workspace as a file instead.{' '}
              <button type="button" onClick={downloadWorkspace}>
                Download workspace.yaml
              </button>
            </p>
          )}
          {outcome.kind === 'error' && <p className="share-link__message share-link__message--error">{outcome.message}</p>}
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      )}
      <SharedLinkDialog />
    </div>
  );
}
