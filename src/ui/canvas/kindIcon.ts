const ICONS: Readonly<Record<string, string>> = {
  Pod: 'P',
  Deployment: 'D',
  StatefulSet: 'SS',
  DaemonSet: 'DS',
  ReplicaSet: 'RS',
  ReplicationController: 'RC',
  Job: 'J',
  CronJob: 'CJ',
};

/** The short badge text of a workload kind (`D` for Deployment), or its first letter for other kinds. */
export function kindIcon(kind: string): string {
  return ICONS[kind] ?? kind.slice(0, 1).toUpperCase();
}
