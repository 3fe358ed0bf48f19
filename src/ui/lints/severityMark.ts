/** The mark shown before a finding of each severity. */
export const severityMark = { error: '✖', warning: '⚠', info: 'ℹ' } as const;
