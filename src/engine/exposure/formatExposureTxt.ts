import { escapeControls } from '../format/escapeControls';
import type { ExposureAnalysis, ExposureEntry } from './exposureAnalysis';
import { formatExposurePeer } from './formatExposurePeer';
import { formatPotentialConns } from './potentialConns';

/**
 * netpol-analyzer's exposure section (`list --exposure`, txt): the `Exposure Analysis Result:` header, then
 * `Egress Exposure:` and `Ingress Exposure:` (each only when it has lines, a blank line between them) with one
 * `workload \t=> \tpeer : conns` (`<=` for ingress) line per entry, the workload padded to the longest exposed one and
 * lines sorted by workload then peer, then `Workloads not protected by network policies:` with one line per
 * unprotected side, sorted. Control characters in names are escaped; the tabs are the output's own.
 */
export function formatExposureTxt(analysis: ExposureAnalysis): string {
  const width = Math.max(0, ...analysis.workloads.map((w) => w.workload.length));
  const line = (workload: string, arrow: string, e: ExposureEntry) => `${escapeControls(workload.padEnd(width))} \t${arrow} \t${escapeControls(formatExposurePeer(e.peer))} : ${formatPotentialConns(e.conns)}`;
  const egress = analysis.workloads.flatMap((w) => w.egress.entries.map((e) => line(w.workload, '=>', e)));
  const ingress = analysis.workloads.flatMap((w) => w.ingress.entries.map((e) => line(w.workload, '<=', e)));
  const unprotected = analysis.workloads
    .flatMap((w) => [...(w.egress.isProtected ? [] : [`${w.workload} is not protected on Egress`]), ...(w.ingress.isProtected ? [] : [`${w.workload} is not protected on Ingress`])])
    .map((l) => escapeControls(l))
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const section = (header: string, lines: string[]) => (lines.length === 0 ? '' : `${header}\n${lines.map((l) => `${l}\n`).join('')}`);
  return [
    'Exposure Analysis Result:\n',
    section('Egress Exposure:', egress),
    section(`${egress.length > 0 ? '\n' : ''}Ingress Exposure:`, ingress),
    section('\nWorkloads not protected by network policies:', unprotected),
  ].join('');
}
