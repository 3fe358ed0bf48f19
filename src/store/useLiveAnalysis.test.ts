import { describe, expect, it } from 'vitest';
import { analyze } from '../engine';
import { nextLiveAnalysis } from './useLiveAnalysis';

const policy = (protocol: string) => `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-web
  namespace: shop
spec:
  podSelector: {}
  ingress:
    - ports:
        - protocol: ${protocol}
          port: 8080
`;
const valid = analyze([{ name: 'p.yaml', text: policy('TCP') }]);
const invalid = analyze([{ name: 'p.yaml', text: policy('TCPX') }]);
const fixed = analyze([{ name: 'p.yaml', text: policy('UDP') }]);

describe('nextLiveAnalysis', () => {
  it('shows a valid document as it is', () => {
    expect(nextLiveAnalysis(null, valid)).toEqual({ analysis: valid, isStale: false, errorCount: 0 });
  });

  it('keeps the last valid analysis while the text has errors, and counts them', () => {
    const live = nextLiveAnalysis(nextLiveAnalysis(null, valid), invalid);
    expect(live).toEqual({ analysis: valid, isStale: true, errorCount: 1 });
    expect(nextLiveAnalysis(live, invalid)).toEqual({ analysis: valid, isStale: true, errorCount: 1 });
  });

  it('shows the fixed document fresh again', () => {
    const stale = nextLiveAnalysis(nextLiveAnalysis(null, valid), invalid);
    expect(nextLiveAnalysis(stale, fixed)).toEqual({ analysis: fixed, isStale: false, errorCount: 0 });
  });

  it('shows what it can of an invalid document when nothing valid came before', () => {
    const live = nextLiveAnalysis(null, invalid);
    expect(live).toEqual({ analysis: invalid, isStale: false, errorCount: 1 });
    expect(nextLiveAnalysis(live, invalid)).toEqual({ analysis: invalid, isStale: false, errorCount: 1 });
  });
});
