import type { Model } from '../../engine';
import { SelectLink } from './SelectLink';

/** A selected namespace: its labels and workloads. */
export function NamespaceDetails({ model, name }: { model: Model; name: string }) {
  const namespace = model.namespaces.find((n) => n.name === name);
  if (!namespace) return <p className="inspector__hint">Namespace {name} is no longer in the model.</p>;
  const workloads = model.workloads.filter((w) => w.namespace === name);
  const policies = model.policies.filter((p) => p.namespace === name);
  return (
    <section aria-label={`Namespace ${name}`}>
      <p className="inspector__kind">Namespace{namespace.isDeclared ? '' : ' (not declared)'}</p>
      <h2 className="inspector__title">{name}</h2>
      <div className="inspector__chips">
        {Object.entries(namespace.labels).map(([key, value]) => (
          <span key={key} className="chip">
            {key}={value}
          </span>
        ))}
      </div>
      <h3>Workloads ({workloads.length})</h3>
      <ul className="inspector__list">
        {workloads.map((w) => (
          <li key={w.id}>
            <SelectLink target={{ kind: 'workload', id: w.id }}>{w.name}</SelectLink> <span className="inspector__sub">{w.kind}</span>
          </li>
        ))}
      </ul>
      <h3>Policies ({policies.length})</h3>
      <ul className="inspector__list">
        {policies.map((p) => (
          <li key={p.id}>
            <SelectLink target={{ kind: 'policy', id: p.id }}>{p.name}</SelectLink>
          </li>
        ))}
      </ul>
    </section>
  );
}
