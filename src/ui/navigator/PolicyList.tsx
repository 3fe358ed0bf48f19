import { useLiveAnalysis } from '../../store/useLiveAnalysis';
import { useViewStore } from '../../store/useViewStore';
import './navigatorLists.css';

/** Every policy of the workspace as `ns/name` with its policyTypes; clicking one selects it. */
export function PolicyList() {
  const { analysis } = useLiveAnalysis();
  const selection = useViewStore((state) => state.selection);
  const select = useViewStore((state) => state.select);
  const { policies } = analysis.model;
  return (
    <section className="navigator-list" aria-label="Policies">
      <h2 className="navigator-list__title">Policies ({policies.length})</h2>
      {policies.length === 0 && <p className="navigator-list__empty">No NetworkPolicy: every pod may connect anywhere.</p>}
      <ul>
        {policies.map((policy) => {
          const isSelected = selection?.kind === 'policy' && selection.id === policy.id;
          return (
            <li key={policy.id}>
              <button
                type="button"
                className="navigator-list__item"
                aria-pressed={isSelected}
                onClick={() => select(isSelected ? null : { kind: 'policy', id: policy.id })}
              >
                <span className="navigator-list__name">{policy.id}</span>
                <span className="navigator-list__meta">
                  {policy.policyTypes.join(', ')}
                  {policy.isPolicyTypesDefaulted && ' (defaulted)'}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
