import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { PROTOCOLS, type ContainerPort, type PolicyPort, type Protocol } from '../../engine';
import { Dialog } from '../shared/Dialog';
import { parsePortChoice } from './parsePortChoice';
import './flows.css';

/** Props of {@link PortChooser}. */
export interface PortChooserProps {
  /** The flow in words, e.g. `frontend → db`. */
  flow: string;
  /** The destination's container ports, offered as suggestions. */
  suggestions: readonly ContainerPort[];
  onChoose: (ports: PolicyPort[]) => void;
  onCancel: () => void;
}

/** A dialog that asks on which protocol and port a new flow is allowed: a number, a range, a named port, or all ports; Enter confirms. */
export function PortChooser({ flow, suggestions, onChoose, onCancel }: PortChooserProps) {
  const first = suggestions[0];
  const [protocol, setProtocol] = useState<Protocol>(first?.protocol ?? 'TCP');
  const [port, setPort] = useState(first ? String(first.containerPort) : '');
  const [isAllPorts, setAllPorts] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const portInput = useRef<HTMLInputElement>(null);
  const id = useId();

  useEffect(() => {
    portInput.current?.focus();
    portInput.current?.select();
  }, []);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const result = parsePortChoice({ protocol, port, isAllPorts });
    if ('error' in result) setError(result.error);
    else onChoose(result.ports);
  };

  const suggest = (p: ContainerPort, value: string) => {
    setProtocol(p.protocol);
    setPort(value);
    setAllPorts(false);
    setError(null);
    portInput.current?.focus();
  };

  return (
    <Dialog
      title={`Allow ${flow}`}
      label="Choose the port"
      onClose={onCancel}
      onSubmit={onSubmit}
      buttons={
        <>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit">Continue</button>
        </>
      }
    >
      <div className="flow-dialog__row">
        <label htmlFor={`${id}-protocol`}>Protocol</label>
        <select id={`${id}-protocol`} value={protocol} disabled={isAllPorts} onChange={(e) => setProtocol(e.target.value as Protocol)}>
          {PROTOCOLS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-port`}>Port</label>
        <input
          id={`${id}-port`}
          ref={portInput}
          value={port}
          disabled={isAllPorts}
          placeholder="number, range or name"
          aria-invalid={error !== null}
          aria-describedby={error !== null ? `${id}-error` : undefined}
          list={`${id}-suggestions`}
          onChange={(e) => {
            setPort(e.target.value);
            setError(null);
          }}
        />
        <datalist id={`${id}-suggestions`}>
          {suggestions.flatMap((p) => [String(p.containerPort), ...(p.name ? [p.name] : [])]).map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      </div>
      {error !== null && (
        <p id={`${id}-error`} className="flow-dialog__error" role="alert">
          {error}
        </p>
      )}
      <label className="flow-dialog__check">
        <input type="checkbox" checked={isAllPorts} onChange={(e) => setAllPorts(e.target.checked)} /> All ports and protocols
      </label>
      {suggestions.length > 0 && (
        <div className="flow-dialog__suggestions" role="group" aria-label="Container ports of the destination">
          {suggestions.map((p) => (
            <span key={`${p.protocol}/${p.containerPort}`} className="flow-dialog__suggestion">
              <button type="button" onClick={() => suggest(p, String(p.containerPort))}>
                {p.protocol} {p.containerPort}
              </button>
              {p.name && (
                <button type="button" title={`The named port ${p.name}`} onClick={() => suggest(p, p.name ?? '')}>
                  {p.name}
                </button>
              )}
            </span>
          ))}
        </div>
      )}
      <p className="flow-dialog__hint">Empty port: every port of the protocol. A range: 8000-8080.</p>
    </Dialog>
  );
}
