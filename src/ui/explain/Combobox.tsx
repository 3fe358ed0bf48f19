import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import './combobox.css';

/** One value a combobox offers, with the text a person reads and types. */
export interface ComboboxChoice {
  value: string;
  label: string;
}

/** At most this many matches are mounted: the list is a way to pick, typing is the way to narrow. */
const MAX_MATCHES = 50;

/**
 * A text field that suggests the choices whose label contains what was typed (at most {@link MAX_MATCHES}, then
 * `pinned` ones always), for lists too long for a `<select>`. Keyboard as in the ARIA combobox pattern: ArrowDown and
 * ArrowUp move through the suggestions, Enter picks one, Escape closes and restores the value.
 */
export function Combobox({
  id,
  value,
  choices,
  pinned,
  onChange,
}: {
  id: string;
  value: string;
  choices: readonly ComboboxChoice[];
  pinned: readonly ComboboxChoice[];
  onChange: (value: string) => void;
}) {
  const [text, setText] = useState<string | null>(null);
  const [isOpen, setOpen] = useState(false);
  const [activeIndex, setActiveIndex] = useState(-1);
  const listbox = useRef<HTMLUListElement>(null);
  const listboxId = `${id}-suggestions`;
  const valueLabel = useMemo(() => [...pinned, ...choices].find((choice) => choice.value === value)?.label ?? value, [choices, pinned, value]);
  const { suggestions, matchCount } = useMemo(() => {
    const query = (text ?? '').trim().toLowerCase();
    const matches = query === '' ? choices : choices.filter((choice) => choice.label.toLowerCase().includes(query));
    return { suggestions: [...matches.slice(0, MAX_MATCHES), ...pinned], matchCount: matches.length };
  }, [choices, pinned, text]);

  useEffect(() => {
    if (isOpen && activeIndex >= 0) listbox.current?.children[activeIndex]?.scrollIntoView({ block: 'nearest' });
  }, [isOpen, activeIndex]);

  const open = () => {
    setOpen(true);
    setActiveIndex(suggestions.findIndex((choice) => choice.value === value));
  };
  const close = () => {
    setOpen(false);
    setText(null);
    setActiveIndex(-1);
  };
  const pick = (choice: ComboboxChoice) => {
    onChange(choice.value);
    close();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const last = suggestions.length - 1;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!isOpen) open();
      else if (event.key === 'ArrowDown') setActiveIndex(activeIndex >= last ? 0 : activeIndex + 1);
      else setActiveIndex(activeIndex <= 0 ? last : activeIndex - 1);
    } else if (event.key === 'Enter' && isOpen && activeIndex >= 0) {
      event.preventDefault();
      pick(suggestions[activeIndex]);
    } else if (event.key === 'Escape' && isOpen) {
      // Closes the list only: a dialog around it stays open until the next Escape.
      event.preventDefault();
      event.stopPropagation();
      close();
    }
  };
  const onBlur = () => {
    const typed = text?.trim().toLowerCase();
    const exact = typed === undefined ? undefined : [...choices, ...pinned].find((choice) => choice.label.toLowerCase() === typed);
    if (exact) pick(exact);
    else close();
  };

  return (
    <div className="combobox">
      <input
        id={id}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={isOpen}
        aria-controls={listboxId}
        aria-activedescendant={isOpen && activeIndex >= 0 ? `${listboxId}-${activeIndex}` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text ?? valueLabel}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActiveIndex(0);
        }}
        onClick={(event) => {
          if (isOpen) return;
          open();
          event.currentTarget.select();
        }}
        onFocus={(event) => event.target.select()}
        onBlur={onBlur}
        onKeyDown={onKeyDown}
      />
      {isOpen && (
        <div className="combobox__popup" onMouseDown={(event) => event.preventDefault()}>
          <ul ref={listbox} id={listboxId} role="listbox" aria-label="Suggestions" className="combobox__listbox">
            {suggestions.map((choice, index) => (
              <li
                key={choice.value}
                id={`${listboxId}-${index}`}
                role="option"
                aria-selected={index === activeIndex}
                className="combobox__option"
                onClick={() => pick(choice)}
              >
                {choice.label}
              </li>
            ))}
          </ul>
          <p className="combobox__count" role="status">
            {matchCount === 0 ? 'No match' : matchCount > MAX_MATCHES ? `First ${MAX_MATCHES} of ${matchCount} matches: type more to narrow` : `${matchCount} ${matchCount === 1 ? 'match' : 'matches'}`}
          </p>
        </div>
      )}
    </div>
  );
}
