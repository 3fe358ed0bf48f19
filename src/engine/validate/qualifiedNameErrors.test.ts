import { describe, it, expect } from 'vitest';
import { qualifiedNameErrors } from './qualifiedNameErrors';

describe('qualifiedNameErrors (label and selector keys)', () => {
  it.each(['app', 'App_Name.v2', 'app.kubernetes.io/name', 'example.com/' + 'n'.repeat(63), 'a'.repeat(253 - 4) + '.com/x', '9'])('accepts %s', (key) => {
    expect(qualifiedNameErrors(key)).toEqual([]);
  });

  it.each([
    ['', 'name part must be non-empty'],
    ['-app', 'name part must consist of'],
    ['app-', 'name part must consist of'],
    ['my app', 'name part must consist of'],
    ['n'.repeat(64), 'name part must be no more than 63 characters'],
    ['/app', 'prefix part must be non-empty'],
    ['Example.com/app', 'prefix part a lowercase RFC 1123 subdomain'],
    ['a'.repeat(254) + '/x', 'prefix part must be no more than 253 characters'],
    ['example.com/', 'name part must be non-empty'],
    ['a/b/c', "it may hold only one '/'"],
  ])('rejects %j: %s', (key, error) => {
    expect(qualifiedNameErrors(key).join('; ')).toContain(error);
  });
});
