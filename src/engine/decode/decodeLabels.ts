import { validateLabels } from '../validate/validateLabels';
import { reportFindings, stringMap, type DecodeContext } from './decodeContext';

/** Reads a label map (`metadata.labels`, `matchLabels`) and reports bad keys and values. */
export function decodeLabels(ctx: DecodeContext, value: unknown, path: string): Record<string, string> {
  const labels = stringMap(ctx, value, path);
  reportFindings(ctx, validateLabels(labels, path));
  return labels;
}
