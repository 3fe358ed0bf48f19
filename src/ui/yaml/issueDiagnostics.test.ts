import { Text } from '@codemirror/state';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../engine';
import { issueDiagnostics } from './issueDiagnostics';

const doc = Text.of(['kind: Pod', 'spec:', '  protocol: TCPX']);
const issue: Issue = {
  severity: 'error',
  code: 'protocol',
  message: 'unsupported protocol "TCPX"',
  file: 'a.yaml',
  line: 3,
  column: 13,
  object: 'Pod x/y',
  path: 'spec.protocol',
};

describe('issueDiagnostics', () => {
  it('marks an issue from its column to the end of its line, with the field path in the message', () => {
    expect(issueDiagnostics([issue], 'a.yaml', doc)).toEqual([
      { from: 28, to: 32, severity: 'error', source: 'Pod x/y', message: 'spec.protocol: unsupported protocol "TCPX"' },
    ]);
  });

  it('leaves out other files and keeps lines and columns inside the document', () => {
    const outside = { ...issue, line: 99, column: 80, path: undefined };
    expect(issueDiagnostics([{ ...issue, file: 'b.yaml' }, outside], 'a.yaml', doc)).toEqual([
      { from: 32, to: 32, severity: 'error', source: 'Pod x/y', message: 'unsupported protocol "TCPX"' },
    ]);
  });

  it('puts an issue without a line on the first line', () => {
    const [diagnostic] = issueDiagnostics([{ ...issue, line: undefined, column: undefined }], 'a.yaml', doc);
    expect([diagnostic.from, diagnostic.to]).toEqual([0, 9]);
  });
});
