import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useViewStore } from '../../store/useViewStore';
import './navigatorLists.css';

/** The workloads grouped by namespace; clicking one selects it. */
export function WorkloadList() {
  const model = useAnalysisStore((state) => state.live.model);
  const selection = useViewStore((state) => state.selection);
  const select = useViewStore((state) => state.select);
  const { namespaces, workloads } = model;
  return (
    <section className="navigator-list" aria-label="Workloads">
      <h2 className="navigator-list__title">Workloads ({workloads.length})</h2>
      {namespaces.map((namespace) => {
        const members = workloads.filter((w) => w.namespace === namespace.name);
        if (members.length === 0) return null;
        return (
          <div key={namespace.name} className="navigator-list__group">
            <h3 className="navigator-list__group-title">{namespace.name}</h3>
            <ul>
              {members.map((workload) => {
                const isSelected = selection?.kind === 'workload' && selection.id === workload.id;
                return (
                  <li key={workload.id}>
                    <button
                      type="button"
                      className="navigator-list__item"
                      aria-pressed={isSelected}
                      title={workload.id}
                      onClick={() => select(isSelected ? null : { kind: 'workload', id: workload.id })}
                    >
                      <span className="navigator-list__name">{workload.name}</span>
                      <span className="navigator-list__meta">{workload.kind}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
