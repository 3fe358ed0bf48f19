import { useMemo } from 'react';
import type { Workload } from '../../engine';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useViewStore } from '../../store/useViewStore';
import { NavigatorRows } from './NavigatorRows';
import './navigatorLists.css';

/** Row heights: a namespace title, and a workload (name and kind); see navigatorLists.css. */
const NAMESPACE_ROW_HEIGHT = 24;
const WORKLOAD_ROW_HEIGHT = 38;

type WorkloadRow = { key: string; height: number; namespace: string; workload?: undefined } | { key: string; height: number; workload: Workload };

/** The workloads grouped by namespace; clicking one selects it. */
export function WorkloadList() {
  const model = useAnalysisStore((state) => state.live.model);
  const selection = useViewStore((state) => state.selection);
  const select = useViewStore((state) => state.select);
  const { namespaces, workloads } = model;
  const rows = useMemo(() => {
    const byNamespace = new Map<string, Workload[]>();
    for (const workload of workloads) {
      const members = byNamespace.get(workload.namespace);
      if (members) members.push(workload);
      else byNamespace.set(workload.namespace, [workload]);
    }
    return namespaces.flatMap((namespace): WorkloadRow[] => {
      const members = byNamespace.get(namespace.name) ?? [];
      if (members.length === 0) return [];
      return [
        { key: `namespace:${namespace.name}`, height: NAMESPACE_ROW_HEIGHT, namespace: namespace.name },
        ...members.map((workload) => ({ key: workload.id, height: WORKLOAD_ROW_HEIGHT, workload })),
      ];
    });
  }, [namespaces, workloads]);
  return (
    <section className="navigator-list" aria-label="Workloads">
      <h2 className="navigator-list__title">Workloads ({workloads.length})</h2>
      <NavigatorRows
        rows={rows}
        selectedKey={selection?.kind === 'workload' ? selection.id : null}
        renderRow={(row) => {
          if (row.workload === undefined) return <h3 className="navigator-list__group-title">{row.namespace}</h3>;
          const { workload } = row;
          const isSelected = selection?.kind === 'workload' && selection.id === workload.id;
          return (
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
          );
        }}
      />
    </section>
  );
}
