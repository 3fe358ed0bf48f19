import type { Issue, Severity } from '../model/types';

/** Line issues listed before the rest are only counted: a file of 100,000 bad lines yields one summary, not 100,000 issues. */
export const MAX_LISTED_ISSUES = 100;

/** Collects the issues of one file, listing the first {@link MAX_LISTED_ISSUES} and summarising the rest. */
export interface IssueSink {
  add(severity: Severity, code: string, line: number | undefined, path: string | undefined, message: string): void;
  /** The issues listed, plus one summary when some were only counted. */
  issues(): Issue[];
}

/** A new {@link IssueSink} for `file`. */
export function issueSink(file: string): IssueSink {
  const listed: Issue[] = [];
  let unlisted = 0;
  let firstUnlisted: number | undefined;
  return {
    add(severity, code, line, path, message) {
      if (listed.length < MAX_LISTED_ISSUES) {
        listed.push({ severity, code, message, file, ...(line !== undefined ? { line } : {}), ...(path !== undefined ? { path } : {}) });
        return;
      }
      unlisted++;
      firstUnlisted ??= line;
    },
    issues() {
      if (unlisted === 0) return listed.slice();
      const where = firstUnlisted === undefined ? '' : ` (the first at line ${firstUnlisted})`;
      const summary: Issue = { severity: 'warning', code: 'observed-more-issues', message: `${unlisted} more problems are not listed${where}`, file };
      return [...listed, summary];
    },
  };
}
