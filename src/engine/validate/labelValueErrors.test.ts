import { describe, it, expect } from 'vitest';
import { labelValueErrors } from './labelValueErrors';

describe('labelValueErrors', () => {
  it.each(['', 'web', 'Web_1.2-x', '9', 'v'.repeat(63)])('accepts %j', (value) => {
    expect(labelValueErrors(value)).toEqual([]);
  });

  it.each(['-web', 'web-', '_web', 'web/v2', 'front end', 'web\n', 'é'])('rejects %j for its characters', (value) => {
    expect(labelValueErrors(value).join('; ')).toContain('a label value must be empty or consist of');
  });

  it('rejects a value longer than 63 characters', () => {
    expect(labelValueErrors('v'.repeat(64))).toEqual(['must be no more than 63 characters']);
  });
});
