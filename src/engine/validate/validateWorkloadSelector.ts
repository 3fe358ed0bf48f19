import type { LabelSelector, Labels } from '../model/types';
import { isEmptySelector, matchesSelector } from '../selectors/matchesSelector';
import { finding, type Finding } from './finding';
import { quoteValue } from './quoteValue';

/** The `apps/v1` kinds whose `spec.selector` is required and must match the pod template. */
export const SELECTOR_REQUIRED_KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet'] as const;

const ANALYSED_ANYWAY = 'the API server would reject this; the pod template is analysed anyway';

/**
 * Checks an `apps/v1` workload's `spec.selector` like the apps validation (it
 * is required, not empty, and must match the template's labels), as warnings:
 * policies select pods by the template labels, which stay meaningful.
 */
export function validateWorkloadSelector(kind: string, selector: LabelSelector | undefined, templateLabels: Labels, templatePath: string): Finding[] {
  const warn = { severity: 'warning' } as const;
  if (!selector) return [finding('spec.selector', 'workload-selector-required', `an apps/v1 ${kind} needs a selector matching its pod template labels (${ANALYSED_ANYWAY})`, warn)];
  if (isEmptySelector(selector)) return [finding('spec.selector', 'workload-selector-empty', `an empty selector is invalid for a ${kind} (${ANALYSED_ANYWAY})`, warn)];
  if (matchesSelector(selector, templateLabels)) return [];
  return [finding(`${templatePath}.metadata.labels`, 'workload-selector-mismatch', `spec.selector does not match the template labels ${quoteValue(templateLabels)} (${ANALYSED_ANYWAY})`, warn)];
}
