import { describe, expect, it } from 'vitest';
import { escapeControls } from './escapeControls';

describe('escapeControls', () => {
  it('writes terminal escapes, line breaks, C1 controls and bidirectional overrides out as \\uXXXX', () => {
    expect(escapeControls('a\u001b[2Jb\r\nc\u009b\u202ed\u2028')).toBe('a\\u001b[2Jb\\u000d\\u000ac\\u009b\\u202ed\\u2028');
  });

  it('leaves ordinary text, Unicode letters and (when asked) line feeds as they are', () => {
    const text = 'shop/web[Deployment] => 10.0.0.0-10.255.255.255[External] : TCP 80 – ünïcödé ✓\n';
    expect(escapeControls(text, true)).toBe(text);
    expect(escapeControls(text)).toBe(text.replace('\n', '\\u000a'));
  });
});
