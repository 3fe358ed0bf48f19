import { useEffect, useMemo, useState } from 'react';
import { PROTOCOLS, firstAddress, isIPAddress, type Endpoint, type Explanation, type ExplainQuery, type OpeningPort, type Protocol } from '../../engine';
import { runOnDocument, useAnalysisStore } from '../../store/useAnalysisStore';
import { useViewStore } from '../../store/useViewStore';
import { describeExplanation } from './describeExplanation';
import { EndpointField } from './EndpointField';
import { EXTERNAL, useOpeningPort } from './useOpeningPort';
import './explainPanel.css';

const EXTERNAL_CHOICE = { value: EXTERNAL, label: 'an external address…' };

function endpointOf(choice: string, ip: string): Endpoint {
  return choice === EXTERNAL ? { ip } : { workload: choice };
}

function asChoice(end: string): string {
  return end.startsWith('ext:') ? EXTERNAL : end;
}

/** The address to start from: the first of an external end's block (`ext:<cidr>`), else a documentation address. */
function initialAddress(ends: readonly (string | undefined)[]): string {
  for (const end of ends) {
    const address = end?.startsWith('ext:') ? firstAddress(end.slice('ext:'.length)) : undefined;
    if (address !== undefined) return address;
  }
  return '203.0.113.10';
}

/** The port to show when the pair allows nothing: the destination's first declared port, else TCP 80. */
const FALLBACK_PORT: OpeningPort = { protocol: 'TCP', port: 80 };

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
  const [ip, setIp] = useState(() => initialAddress([from, to]));
  const isIpValid = isIPAddress(ip.trim());
  const [chosenProtocol, setProtocol] = useState<Protocol | null>(null);
  const [chosenPort, setPort] = useState<string | null>(null);
  const opening = useOpeningPort(src, dst, isIpValid ? ip.trim() : null, version);
  const declared = workloads.find((w) => w.id === dst)?.ports[0];
  const start = opening === undefined ? undefined : (opening ?? (declared ? { protocol: declared.protocol, port: declared.containerPort } : FALLBACK_PORT));
  const isStartKnown = start !== undefined;
  const protocol = chosenProtocol ?? start?.protocol ?? FALLBACK_PORT.protocol;
  const port = chosenPort ?? (start === undefined ? '' : String(start.port));
  const portNumber = Number(port);
  const isPortValid = Number.isInteger(portNumber) && portNumber >= 1 && portNumber <= 65535;
  const needsIp = src === EXTERNAL || dst === EXTERNAL;
  const isPortShownInvalid = !isPortValid && (chosenPort !== null || isStartKnown);

  const query = useMemo((): ExplainQuery | null => {
    if ((chosenPort === null && !isStartKnown) || !isPortValid || (needsIp && !isIpValid) || (src === EXTERNAL && dst === EXTERNAL)) return null;
    return { src: endpointOf(src, ip.trim()), dst: endpointOf(dst, ip.trim()), protocol, port: portNumber };
  }, [src, dst, ip, protocol, portNumber, isPortValid, isIpValid, needsIp, chosenPort, isStartKnown]);
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
        {needsIp && (
          <label>
            Address
            <input value={ip} aria-invalid={!isIpValid} onChange={(e) => setIp(e.target.value)} />
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
          <input value={port} inputMode="numeric" aria-invalid={isPortShownInvalid} onChange={(e) => setPort(e.target.value)} />
        </label>
      </div>
      {needsIp && !isIpValid && <p className="explain-panel__error">An address is one IPv4 or IPv6 address, such as 203.0.113.10 or 2001:db8::1.</p>}
      {isPortShownInvalid && <p className="explain-panel__error">A port is a number from 1 to 65535.</p>}
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
