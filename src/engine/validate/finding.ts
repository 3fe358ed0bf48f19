/** One validation problem at a field path relative to the object (`spec.ingress[0].ports[1].port`). */
export interface Finding {
  path: string;
  code: string;
  message: string;
  /** A more precise node to point at than `path` (the key of a bad label under `metadata.labels`). */
  at?: string;
  /** `error` (the default) means the API server would reject the object; `warning` means it would accept it with a warning. */
  severity?: 'error' | 'warning';
}

/** Builds a finding whose message starts with its field path, as the API server's messages do. */
export function finding(path: string, code: string, detail: string, extra: Pick<Finding, 'at' | 'severity'> = {}): Finding {
  return { path, code, message: `${path}: ${detail}`, ...extra };
}
