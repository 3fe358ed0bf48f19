/** A JSON object as parsed: only its own keys are ever read. */
export type JsonObject = { readonly [key: string]: unknown };

/** True for a JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** lowerCamelCase spellings by proto field name (the few names the readers ask for). */
const camelNames = new Map<string, string>();

function camelCase(name: string): string {
  let camel = camelNames.get(name);
  if (camel === undefined) camelNames.set(name, (camel = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase())));
  return camel;
}

/**
 * The own property `name` of a parsed object (never one inherited, so `constructor` or `__proto__` read as absent
 * unless the input wrote them), or its lowerCamelCase spelling (`pod_name` / `podName`): protobuf's JSON mapping
 * writes either, depending on the printer.
 */
export function readField(obj: JsonObject, name: string): unknown {
  if (Object.hasOwn(obj, name)) return obj[name];
  const camel = camelCase(name);
  return camel !== name && Object.hasOwn(obj, camel) ? obj[camel] : undefined;
}
