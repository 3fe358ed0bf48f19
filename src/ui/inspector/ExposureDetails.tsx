import { formatPotentialConns, type SideExposure } from '../../engine';
import { useSelectionJob } from '../../store/useSelectionJob';
import { describeExposurePeer, exposureRuleLink } from './describeExposure';
import { SelectLink } from './SelectLink';

const SIDES = [
  { side: 'ingress', title: 'Could reach it tomorrow', open: 'no policy protects its ingress: anyone, existing or not, may connect' },
  { side: 'egress', title: 'It could reach tomorrow', open: 'no policy protects its egress: it may connect anywhere, existing or not' },
] as const;

function SideList({ exposure, open }: { exposure: SideExposure; open: string }) {
  if (!exposure.isProtected) return <p className="inspector__hint">{open}</p>;
  if (exposure.entries.length === 0) return <p className="inspector__hint">no one beyond the workloads in the files</p>;
  return (
    <ul className="inspector__list">
      {exposure.entries.map((entry, i) => (
        <li key={i}>
          <strong>{describeExposurePeer(entry.peer)}</strong>: {formatPotentialConns(entry.conns)}
          {entry.rules.length > 0 && ' — by '}
          {entry.rules.map((rule, k) => {
            const link = exposureRuleLink(rule);
            return (
              <span key={k}>
                {k > 0 && ', '}
                <SelectLink target={link.target}>{link.text}</SelectLink>
              </span>
            );
          })}
        </li>
      ))}
    </ul>
  );
}

/** A selected workload's exposure: peers that do not exist yet (pods a rule would admit, address ranges) that could reach it or that it could reach, each with the rules responsible. */
export function ExposureDetails({ id }: { id: string }) {
  const outcome = useSelectionJob('workloadExposure', id);
  if (outcome === null || outcome.status !== 'done') return null;
  const exposure = outcome.result;
  return (
    <section className="inspector__section" aria-label="Exposure" data-testid="exposure">
      <h3>Exposure to what does not exist yet</h3>
      {exposure === null ? (
        <p className="inspector__hint">Its policies admit no one beyond the workloads in the files, on either side.</p>
      ) : (
        SIDES.map(({ side, title, open }) => (
          <div key={side}>
            <h4>{title}</h4>
            <SideList exposure={exposure[side]} open={open} />
          </div>
        ))
      )}
    </section>
  );
}
