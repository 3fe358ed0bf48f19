import { useRef, type ChangeEvent } from 'react';
import { importObserved } from '../../store/importObserved';
import { useObservedStore } from '../../store/useObservedStore';
import { DropdownMenu } from '../shared/DropdownMenu';

const EXAMPLE_FLOWS = 'microservices-flows.json';

/** The toolbar's "Traffic ▾" menu: import observed flows (Hubble JSON, a connection list) read in the browser only, the example flows, and stop showing them. */
export function TrafficMenu() {
  const input = useRef<HTMLInputElement>(null);
  const hasFlows = useObservedStore((state) => state.observed !== null);
  const clearObserved = useObservedStore((state) => state.clearObserved);
  const onPicked = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    // In a worker the file itself crosses (read there); without one, its text.
    if (file) void importObserved(file.name, file.size, async () => (typeof Worker === 'undefined' ? { text: await file.text() } : { blob: file }));
  };
  const items = [
    { label: 'Import observed flows…', hint: 'hubble observe -o json, or a src,dst,conn list; never uploaded', onSelect: () => input.current?.click() },
    {
      label: 'Example flows',
      hint: 'for the Microservices example',
      onSelect: () =>
        void importObserved(EXAMPLE_FLOWS, 0, async () => {
          const response = await fetch(`${import.meta.env.BASE_URL}examples/${EXAMPLE_FLOWS}`);
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return { text: await response.text() };
        }),
    },
    { label: 'Stop showing flows', isDisabled: !hasFlows, onSelect: clearObserved },
  ];
  return (
    <>
      <DropdownMenu buttonText="Traffic ▾" label="Traffic" items={items} />
      <input ref={input} type="file" accept=".json,.jsonl,.csv,.txt,.log" hidden data-testid="observed-files" onChange={onPicked} />
    </>
  );
}
