import { useMemo, useState } from 'react';
import { migrateClusterPolicies, type ClusterPolicy } from '../../engine';
import { useAnalysisStore } from '../../store/useAnalysisStore';
import { useDocumentStore } from '../../store/useDocumentStore';
import { useViewStore } from '../../store/useViewStore';
import { Dialog } from '../shared/Dialog';
import './navigatorLists.css';

/** Admin tier first, then Baseline; lower priority first; input order among equals (the order the engine evaluates). */
function evaluationOrder(policies: readonly ClusterPolicy[]): ClusterPolicy[] {
  const tierRank = (p: ClusterPolicy) => (p.tier === 'Admin' ? 0 : 1);
  return [...policies].sort((a, b) => tierRank(a) - tierRank(b) || a.priority - b.priority);
}

/** The preview of migrating every v1alpha1 object to ClusterNetworkPolicy, with Apply (one undo step). */
function MigrateDialog({ onClose }: { onClose: () => void }) {
  const files = useDocumentStore((state) => state.files);
  const applyEdit = useDocumentStore((state) => state.applyEdit);
  const migrated = useMemo(() => files.map(migrateClusterPolicies).filter((m) => m.converted.length > 0), [files]);
  const apply = () => {
    applyEdit((current) => current.map((f) => migrateClusterPolicies(f).file));
    onClose();
  };
  return (
    <Dialog
      title="Migrate to ClusterNetworkPolicy (v1alpha2)"
      isWide
      onClose={onClose}
      buttons={
        <>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="primary" onClick={apply}>
            Apply
          </button>
        </>
      }
    >
      <p>
        Allow becomes Accept, ports become protocols, a BaselineAdminNetworkPolicy becomes the Baseline tier (priority 1000). The connections stay the same; comments and other
        documents are kept.
      </p>
      {migrated.map((m) => (
        <section key={m.file.name} aria-label={`New objects in ${m.file.name}`}>
          <h3>
            {m.file.name}: {m.converted.join(', ')}
          </h3>
          <pre className="migrate-preview">{m.changedDocuments.join('---\n')}</pre>
        </section>
      ))}
    </Dialog>
  );
}

/** The cluster-scoped policies in evaluation order (tier, then priority), shown only when the workspace has some: a click selects one (the canvas marks its subjects and peers); v1alpha1 ones can be migrated. */
export function ClusterPolicyList() {
  const policies = useAnalysisStore((state) => state.live.model.clusterPolicies);
  const [isMigrating, setMigrating] = useState(false);
  const selection = useViewStore((state) => state.selection);
  const select = useViewStore((state) => state.select);
  const ordered = useMemo(() => evaluationOrder(policies), [policies]);
  if (ordered.length === 0) return null;
  const legacy = ordered.filter((p) => p.kind !== 'ClusterNetworkPolicy').length;
  return (
    <section className="navigator-list" aria-label="Cluster policies">
      <div className="navigator-list__head">
        <h2 className="navigator-list__title">Cluster policies ({ordered.length})</h2>
        {legacy > 0 && (
          <button type="button" className="navigator-list__add" onClick={() => setMigrating(true)}>
            Migrate {legacy} to v1alpha2…
          </button>
        )}
      </div>
      <ul>
        {ordered.map((p) => {
          const isSelected = selection?.kind === 'clusterPolicy' && selection.id === p.id;
          return (
            <li key={p.id}>
              <button type="button" className="navigator-list__item" aria-pressed={isSelected} onClick={() => select(isSelected ? null : { kind: 'clusterPolicy', id: p.id })}>
                <span className="navigator-list__name">{p.name}</span>
                <span className="navigator-list__meta">
                  {p.tier}
                  {p.kind === 'BaselineAdminNetworkPolicy' ? '' : ` · priority ${p.priority}`} · {p.kind}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {isMigrating && <MigrateDialog onClose={() => setMigrating(false)} />}
    </section>
  );
}
