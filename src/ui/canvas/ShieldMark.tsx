/** A small shield telling that policies isolate one side of a workload; its title says which. */
export function ShieldMark({ side, title }: { side: 'ingress' | 'egress'; title: string }) {
  return (
    <span className={`shield-mark shield-mark--${side}`} title={title} role="img" aria-label={title} data-testid={`shield-${side}`}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path d="M8 1 2 3.5v4.2C2 11.2 4.6 14 8 15c3.4-1 6-3.8 6-7.3V3.5L8 1Z" />
      </svg>
    </span>
  );
}
