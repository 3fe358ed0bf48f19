import { Component, type ErrorInfo, type ReactNode } from 'react';
import { browserStorage } from '../../store/workspaceStorage';
import { downloadText } from '../export/downloadFile';
import { START_FRESH_KEY } from './startFresh';
import { storedText } from './workspaceText';
import './panelBoundary.css';

interface Props {
  /** The panel's name, as the person knows it ("Canvas", "YAML"). */
  name: string;
  children: ReactNode;
}

/** Keeps a failing panel from blanking the page: it says what failed and offers a retry, the saved workspace, and a fresh start. */
export class PanelBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error(`netpol-canvas: the ${this.props.name} panel failed.`, error, info.componentStack);
  }

  private readonly downloadSaved = async () => {
    const saved = await browserStorage().read().catch(() => undefined);
    downloadText(storedText(saved ?? null), 'netpol-canvas-saved-workspace.json', 'application/json');
  };

  private readonly startFresh = () => {
    sessionStorage.setItem(START_FRESH_KEY, '1');
    window.location.reload();
  };

  render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div className="panel-boundary" role="alert">
        <p>
          The {this.props.name} panel failed: {error.message.slice(0, 200) || error.name}
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
        <button type="button" onClick={() => void this.downloadSaved()}>
          Download the saved workspace
        </button>
        <button type="button" onClick={this.startFresh}>
          Start without restoring
        </button>
      </div>
    );
  }
}
