/** What makes `value` not a port number (Kubernetes `IsValidPortNum`: an integer in 1..65535); empty when it is one. */
export function portNumberErrors(value: number): string[] {
  if (!Number.isInteger(value)) return ['must be a whole number between 1 and 65535, inclusive'];
  return value >= 1 && value <= 65535 ? [] : ['must be between 1 and 65535, inclusive'];
}
