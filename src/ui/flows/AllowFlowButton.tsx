import { useAllowFlow } from './useAllowFlow';

/** "Allow to…": starts designing a flow from workload `source` with the keyboard (or a click), without dragging. */
export function AllowFlowButton({ source, className }: { source: string; className?: string }) {
  const allowFrom = useAllowFlow((state) => state.allowFrom);
  return (
    <button type="button" className={className} title="Allow a flow from this workload to another, chosen from a list" onClick={(event) => allowFrom(source, event.currentTarget)}>
      Allow to…
    </button>
  );
}
