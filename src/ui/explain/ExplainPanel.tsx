import { useEffect, useMemo, useState } from 'react';
import { PROTOCOLS, type Endpoint, type Explanation, type ExplainQuery, type Protocol } from '../../engine';
import { runOnDocument, useAnalysisStore } from '../../store/useAnalysisStore';
import { useViewStore } from '../../store/useViewStore';
import { describeExplanation } from './describeExplanation';
import { EndpointField } from './EndpointField';
import './explainPanel.css';

const EXTERNAL = '__external__';
const EXTERNAL_CHOICE = { value: EXTERNAL, label: 'an external address…' };

function endpointOf(choice: string, ip: string): Endpoint {
  return choice === EXTERNAL ? { ip } : { workload: choice };
}

function asChoice(end: string): string {
  return end.startsWith('ext:') ? EXTERNAL : end;
}

/** "Explain a connection": any source, destination, protocol and port — edge or not — with the verdict and why, per side; the analysis worker explains. */
export function ExplainPanel({ from, to }: { from?: string; to?: string }) {
  const model = useAnalysisStore((state) => state.live.model);
  const version = useAnalysisStore((state) => state.version);
  const select = useViewStore((state) => state.select);
  const workloads = model.workloads;
  const initialSrc = from !== undefined ? asChoice(from) : (workloads[0]?.id ?? EXTERNAL);
  const initialDst = to !== undefined ? asChoice(to) : (workloads.find((w) => w.id !== initialSrc)?.id ?? EXTERNAL);
  const [chosenSrc, setSrc] = useState<string | null>(null);
  const [chosenDst, setDst] = useState<string | null>(null);
  const src = chosenSrc ?? initialSrc;
  const dst = chosenDst ?? initialDst;
  const [ip, setIp] = useState('203.0.113.10');
  const [protocol, setProtocol] = useState<Protocol>('TCP');
  const [port, setPort] = useState('80');
  const portNumber = Number(port);
  const isPortValid = Number.isInteger(portNumber) && portNumber >= 1 && portNumber <= 65535;

  const query = useMemo((): ExplainQuery | null => {
    if (!isPortValid || (src === EXTERNAL && dst === EXTERNAL)) return null;
    return { src: endpointOf(src, ip), dst: endpointOf(dst, ip), protocol, port: portNumber };
  }, [src, dst, ip, protocol, portNumber, isPortValid]);
  const [answer, setAnswer] = useState<{ query: ExplainQuery; explanation: Explanation } | null>(null);
  useEffect(() => {
    if (query === null) return;
    let isCurrent = true;
    void runOnDocument('explain', query).then((outcome) => {
      if (isCurrent && outcome.status === 'done') setAnswer({ query, explanation: outcome.result });
    });
    return () => {
      isCurrent = false;
    };
  }, [query, version]);
  const sentences = useMemo(() => {
    if (query === null || answer === null || answer.query !== query) return null;
    return { isAllowed: answer.explanation.isAllowed, lines: describeExplanation(answer.explanation, model) };
  }, [query, answer, model]);

  const choices = useMemo(() => workloads.map((w) => ({ value: w.id, label: w.id })), [workloads]);

  return (
    <section className="explain-panel" aria-label="Explain a connection">
      <h3 className="explain-panel__title">Explain a connection</h3>
      <div className="explain-panel__form">
        <EndpointField label="Source" value={src} workloads={choices} external={EXTERNAL_CHOICE} onChange={setSrc} />
        <EndpointField label="Destination" value={dst} workloads={choices} external={EXTERNAL_CHOICE} onChange={setDst} />
        {(src === EXTERNAL || dst === EXTERNAL) && (
          <label>
            Address
            <input value={ip} onChange={(e) => setIp(e.target.value)} />
          </label>
        )}
        <label>
          Protocol
          <select value={protocol} onChange={(e) => setProtocol(e.target.value as Protocol)}>
            {PROTOCOLS.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </label>
        <label>
          Port
          <input value={port} inputMode="numeric" aria-invalid={!isPortValid} onChange={(e) => setPort(e.target.value)} />
        </label>
      </div>
      {!isPortValid && <p className="explain-panel__error">A port is a number from 1 to 65535.</p>}
      {sentences && (
        <div className="explain-panel__result">
          <p className={`explain-panel__verdict explain-panel__verdict--${sentences.isAllowed ? 'allowed' : 'denied'}`} data-testid="explain-verdict">
            {sentences.isAllowed ? '✔ Allowed' : '✖ Denied'}: both ends must allow a connection.
          </p>
          {sentences.lines.map((line) => (
            <p key={line.side} className={`explain-panel__line${line.isAllowed ? '' : ' explain-panel__line--blocking'}`} data-testid={`explain-${line.side}`}>
              {line.parts.map((part, i) =>
                'policy' in part ? (
                  <button key={i} type="button" className="explain-panel__link" onClick={() => select({ kind: 'policy', id: part.policy, ...(part.rule ? { rule: part.rule } : {}) })}>
                    {part.text}
                  </button>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )}
            </p>
          ))}
        </div>
      )}
    </section>
  );
}
