import { createContext, useContext } from 'react';
import type { Issue, NetworkPolicy, RawMap } from '../../engine';
import type { FieldPath } from './policyEdits';
import type { PortName } from './workloadPortNames';

/** What every field of the policy editor needs: how to write a field, the issues at a field, and port names to suggest. */
export interface PolicyEditApi {
  /** The policy as written. */
  policy: RawMap;
  /** The policy's namespace, for plain-words explanations. */
  namespace: string;
  /** The policy as the engine decoded it, when it is valid; its rules line up with the written ones. */
  decoded: NetworkPolicy | undefined;
  /** Replaces the value at `path` inside the policy with `update(old)` as one undo step (undefined deletes it). */
  editAt: (path: FieldPath, update: (old: unknown) => unknown) => void;
  /** The engine's issues for this policy whose field path is exactly `path`. */
  issuesAt: (path: FieldPath) => Issue[];
  /** Container port names to suggest in ingress rules (those of the selected workloads) and in egress rules (all workloads). */
  portNames: { ingress: readonly PortName[]; egress: readonly PortName[] };
}

/** The policy editor's context; only fields inside a PolicyEditor read it. */
export const PolicyEditContext = createContext<PolicyEditApi | null>(null);

/** The policy editor's context, for a field inside a PolicyEditor. */
export function usePolicyEdit(): PolicyEditApi {
  const api = useContext(PolicyEditContext);
  if (api === null) throw new Error('usePolicyEdit is used outside a PolicyEditor');
  return api;
}
