import { useMemo } from 'react';
import { appendObject } from '../../engine';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore, type Selection } from '../../store/useViewStore';
import { newPolicyManifest } from '../policyEditor/policyEdits';
import { NavigatorRows } from './NavigatorRows';
import './navigatorLists.css';

/** The height of a policy row: a line for `ns/name`, one for its policyTypes (see navigatorLists.css). */
const ROW_HEIGHT = 38;

/** The namespace a new policy goes to: that of the selection, else the first namespace of the model, else `default`. */
function namespaceFor(selection: Selection | null, namespaces: readonly string[]): string {
  if (selection?.kind === 'namespace') return selection.id;
  if (selection?.kind === 'policy' || selection?.kind === 'workload') return selection.id.slice(0, selection.id.indexOf('/'));
  return namespaces[0] ?? 'default';
}

/** Every NetworkPolicy as written, `ns/name` with its policyTypes (invalid ones marked); clicking one selects it; "+ New policy" adds one. */
export function PolicyList() {
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const model = useAnalysisStore((state) => state.live.model);
  const issues = useAnalysisStore((state) => state.current.issues);
  const selection = useViewStore((state) => state.selection);
  const select = useViewStore((state) => state.select);
  const written = useAnalysisStore((state) => state.current.writtenPolicies);
  const invalid = useMemo(() => {
    const counts = new Map<string, number>();
    for (const issue of issues) {
      if (issue.severity === 'error' && issue.object?.startsWith('NetworkPolicy ')) counts.set(issue.object, (counts.get(issue.object) ?? 0) + 1);
    }
    return counts;
  }, [issues]);
  const policies = model.policies;
  const rows = useMemo(() => {
    const byId = new Map(policies.map((policy) => [policy.id, policy]));
    return written.map((object, i) => {
      const id = `${object.ref.namespace}/${object.ref.name}`;
      return { key: `${object.file}:${object.line}:${i}`, height: ROW_HEIGHT, id, errors: invalid.get(`NetworkPolicy ${id}`) ?? 0, decoded: byId.get(id) };
    });
  }, [written, policies, invalid]);
  const selectedKey = selection?.kind === 'policy' ? (rows.find((row) => row.id === selection.id)?.key ?? null) : null;
  const addPolicy = () => {
    const namespace = namespaceFor(selection, model.namespaces.map((ns) => ns.name));
    const taken = new Set(written.filter((o) => o.ref.namespace === namespace).map((o) => o.ref.name));
    const manifest = newPolicyManifest(namespace, taken);
    applyEdit((current) => appendObject(current, manifest));
    select({ kind: 'policy', id: `${namespace}/${String((manifest.metadata as { name: string }).name)}` });
  };
  return (
    <section className="navigator-list" aria-label="Policies">
      <div className="navigator-list__head">
        <h2 className="navigator-list__title">Policies ({written.length})</h2>
        <button type="button" className="navigator-list__add" onClick={addPolicy}>
          + New policy
        </button>
      </div>
      {written.length === 0 && <p className="navigator-list__empty">No NetworkPolicy: every pod may connect anywhere.</p>}
      <NavigatorRows
        rows={rows}
        selectedKey={selectedKey}
        renderRow={({ id, errors, decoded }) => {
          const isSelected = selection?.kind === 'policy' && selection.id === id;
          return (
            <button type="button" className="navigator-list__item" aria-pressed={isSelected} onClick={() => select(isSelected ? null : { kind: 'policy', id })}>
              <span className="navigator-list__name">
                {errors > 0 && (
                  <span className="navigator-list__error" title={`${errors} error${errors === 1 ? '' : 's'}`}>
                    ⚠{' '}
                  </span>
                )}
                {id}
              </span>
              <span className="navigator-list__meta">
                {errors > 0
                  ? `invalid: ${errors} error${errors === 1 ? '' : 's'}`
                  : decoded && `${decoded.policyTypes.join(', ')}${decoded.isPolicyTypesDefaulted ? ' (defaulted)' : ''}`}
              </span>
            </button>
          );
        }}
      />
    </section>
  );
}
