/** A warning triangle with a title, e.g. for a workload on the host network. */
export function WarningMark({ title }: { title: string }) {
  return (
    <span className="warning-mark" title={title} role="img" aria-label={title}>
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        <path d="M8 1.5 15 14H1L8 1.5Z" />
        <path d="M8 6v4M8 11.5v1" className="warning-mark__bang" />
      </svg>
    </span>
  );
}
