import type { PolicyChange } from '../generate/planAllowFlow';
import type { PolicyPort, Severity } from '../model/types';

/** A likely mistake found across all policies, with the objects concerned and a safe fix where there is one. */
export interface Lint {
  code: string;
  severity: Severity;
  message: string;
  /** Ids of the objects concerned: workloads `ns/name[Kind]`, policies `ns/name`, namespaces `ns:<name>`, cluster policies `Kind name`. */
  objects: string[];
  fix?: { description: string; changes: PolicyChange[] };
  /** The flow (workload ids, ports as a rule writes them) whose allow plan fixes the finding, planned when asked (`planAllowFlow`). */
  allowFlow?: { src: string; dst: string; ports: PolicyPort[] };
}
