import type { LabelSelector, LabelSelectorRequirement } from '../model/types';
import { validateSelectorRequirement } from '../validate/validateSelectorRequirement';
import { quoteValue } from '../validate/quoteValue';
import { decodeLabels } from './decodeLabels';
import { optionalList, optionalMap, optionalString, report, reportFindings, type DecodeContext } from './decodeContext';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist'] as const;

function decodeRequirement(ctx: DecodeContext, raw: unknown, path: string): LabelSelectorRequirement | undefined {
  const map = optionalMap(ctx, raw, path);
  if (!map) return undefined;
  const key = optionalString(ctx, map.key, `${path}.key`) ?? '';
  const operator = optionalString(ctx, map.operator, `${path}.operator`) ?? '';
  const values = optionalList(ctx, map.values, `${path}.values`).map((v, i) => {
    if (typeof v === 'string') return v;
    report(ctx, 'error', 'invalid-type', `${path}.values[${i}]`, `${path}.values[${i}] must be a string, got ${quoteValue(v)}`);
    return '';
  });
  const isKnownOperator = (OPERATORS as readonly string[]).includes(operator);
  if (!isKnownOperator) {
    report(ctx, 'error', 'selector-operator', `${path}.operator`, `${quoteValue(operator)} is not a valid selector operator (In, NotIn, Exists, DoesNotExist)`);
  }
  reportFindings(ctx, validateSelectorRequirement({ key, operator, values }, path));
  if (!isKnownOperator) return undefined;
  return { key, operator: operator as LabelSelectorRequirement['operator'], values };
}

/** Decodes a LabelSelector and reports invalid keys, values and operators; absent means undefined ("not given"). */
export function decodeSelector(ctx: DecodeContext, raw: unknown, path: string): LabelSelector | undefined {
  if (raw === undefined || raw === null) return undefined;
  const map = optionalMap(ctx, raw, path) ?? {};
  const matchExpressions: LabelSelectorRequirement[] = [];
  optionalList(ctx, map.matchExpressions, `${path}.matchExpressions`).forEach((item, i) => {
    const req = decodeRequirement(ctx, item, `${path}.matchExpressions[${i}]`);
    if (req) matchExpressions.push(req);
  });
  return { matchLabels: decodeLabels(ctx, map.matchLabels, `${path}.matchLabels`), matchExpressions };
}
