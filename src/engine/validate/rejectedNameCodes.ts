/**
 * Codes of the warnings about names the API server would reject (`metadata.name`, `metadata.namespace`, the
 * controller owner's kind and name): analysed anyway, since names do not change what policies allow; the CLI's
 * `--strict` counts them as errors.
 */
export const REJECTED_NAME_CODES: readonly string[] = ['metadata-name', 'metadata-namespace', 'owner-reference'];
