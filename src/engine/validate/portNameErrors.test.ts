import { describe, it, expect } from 'vitest';
import { portNameErrors } from './portNameErrors';
import { portNumberErrors } from './portNumberErrors';

describe('portNameErrors (IANA_SVC_NAME)', () => {
  it.each(['http', 'h2c', 'grpc-web', 'a', 'x-1-2', 'metrics-http-v2'])('accepts %s', (name) => {
    expect(portNameErrors(name)).toEqual([]);
  });

  it.each([
    ['metrics-http-v22', 'must be no more than 15 characters'],
    ['HTTP', 'must contain only lower case alphanumeric characters'],
    ['http_alt', 'must contain only lower case alphanumeric characters'],
    ['8080', 'must contain at least one letter'],
    ['http--alt', 'must not contain consecutive hyphens'],
    ['-http', 'must not begin or end with a hyphen'],
    ['http-', 'must not begin or end with a hyphen'],
  ])('rejects %s: %s', (name, error) => {
    expect(portNameErrors(name).join('; ')).toContain(error);
  });
});

describe('portNumberErrors', () => {
  it.each([1, 80, 65535])('accepts %d', (port) => {
    expect(portNumberErrors(port)).toEqual([]);
  });

  it.each([0, -1, 65536, 80.5])('rejects %d', (port) => {
    expect(portNumberErrors(port)).toHaveLength(1);
  });
});
