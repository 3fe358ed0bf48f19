import { useDocumentStore } from '../../store/useDocumentStore';
import { useEditorStore } from '../../store/useEditorStore';
import { useViewStore } from '../../store/useViewStore';
import { EXAMPLES } from '../files/ExamplesMenu';
import { FIRST_NAMESPACE, pasteTarget, withFirstNamespace } from './startActions';
import './start.css';

/** What an empty workspace shows on the canvas: paste YAML, drop files, open an example or start designing, each one click. */
export function StartPanel() {
  const openExample = useDocumentStore((state) => state.openExample);
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const addFiles = useDocumentStore((state) => state.addFiles);
  const requestJump = useEditorStore((state) => state.requestJump);
  const select = useViewStore((state) => state.select);

  const pasteYaml = () => {
    const target = pasteTarget(useDocumentStore.getState().files);
    const name = target.isNew ? addFiles([{ name: target.name, text: '' }])[0] : target.name;
    requestJump(name, 1);
  };

  const startDesigning = () => {
    applyEdit(withFirstNamespace);
    select({ kind: 'namespace', id: FIRST_NAMESPACE });
  };

  return (
    <section className="start-panel" aria-label="Start">
      <h2 className="start-panel__title">An empty workspace</h2>
      <div className="start-panel__choices">
        <button type="button" onClick={pasteYaml}>
          Paste YAML
        </button>
        <button type="button" className="start-panel__primary" onClick={startDesigning}>
          Start designing
        </button>
      </div>
      <p className="start-panel__hint">…or drop .yaml, .yml or .json files anywhere on the window.</p>
      <h3 className="start-panel__subtitle">Open an example</h3>
      <ul className="start-panel__examples">
        {EXAMPLES.map((example) => (
          <li key={example.file}>
            <button type="button" onClick={() => void openExample(`${import.meta.env.BASE_URL}examples/${example.file}`)}>
              {example.title}
            </button>
            <span className="start-panel__hint"> — {example.hint}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
