import { formatRange, isInside, parseCidr, parseIP, type IPRange } from '../ip/ipRange';
import { finding, type Finding } from './finding';
import { quoteValue } from './quoteValue';

/** An `ipBlock` as written; `undefined` marks a field that is absent or of the wrong type (decode reports the type). */
export interface RawIPBlock {
  cidr: string | undefined;
  except: readonly (string | undefined)[];
}

const EXAMPLE = '(e.g. 10.9.8.0/24 or 2001:db8::/64)';

function parse(text: string): IPRange | undefined {
  return text.includes('%') ? undefined : parseCidr(text);
}

/** Warns when host bits are set (`10.0.0.1/8`), which the API server accepts but flags as ambiguous. */
function hostBitsWarning(text: string, range: IPRange, path: string): Finding[] {
  const address = parseIP(text.slice(0, text.lastIndexOf('/')));
  if (!address || address.start === range.start) return [];
  const network = `${formatRange(range).split('-')[0]}${text.slice(text.lastIndexOf('/'))}`;
  const host = `${text.slice(0, text.lastIndexOf('/'))}/${range.family === 4 ? 32 : 128}`;
  return [finding(path, 'ipblock-cidr-host-bits', `${text} has host bits set, so it means ${network} (did you mean ${network} or ${host}?)`, { severity: 'warning' })];
}

function size(r: IPRange): bigint {
  return r.end - r.start;
}

/**
 * Checks an ipBlock like `ValidateIPBlock`: `cidr` is required and a valid
 * CIDR, and every `except` is a valid CIDR "strict subset of cidr" (same
 * family, inside it and smaller).
 */
export function validateIPBlock(ipBlock: RawIPBlock, path: string): Finding[] {
  if (ipBlock.cidr === undefined || ipBlock.cidr === '') {
    return [finding(`${path}.cidr`, 'required', 'cidr is required')];
  }
  const cidr = parse(ipBlock.cidr);
  if (!cidr) return [finding(`${path}.cidr`, 'ipblock-cidr', `${ipBlock.cidr} is not a valid CIDR ${EXAMPLE}`)];
  const findings = hostBitsWarning(ipBlock.cidr, cidr, `${path}.cidr`);
  ipBlock.except.forEach((text, i) => {
    const exceptPath = `${path}.except[${i}]`;
    if (text === undefined) return;
    const except = parse(text);
    if (!except) {
      findings.push(finding(exceptPath, 'ipblock-except-cidr', `${quoteValue(text)} is not a valid CIDR ${EXAMPLE}`));
      return;
    }
    if (except.family !== cidr.family) {
      findings.push(finding(exceptPath, 'ipblock-except-outside', `${text} is not strictly inside cidr ${ipBlock.cidr} (it is IPv${except.family}, the cidr is IPv${cidr.family})`));
    } else if (!isInside(except, cidr) || size(except) >= size(cidr)) {
      const why = isInside(except, cidr) ? ' (it covers the whole cidr)' : '';
      findings.push(finding(exceptPath, 'ipblock-except-outside', `${text} is not strictly inside cidr ${ipBlock.cidr}${why}`));
    } else {
      findings.push(...hostBitsWarning(text, except, exceptPath));
    }
  });
  return findings;
}
