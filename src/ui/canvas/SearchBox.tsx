import { useEffect, useRef } from 'react';
import { useViewStore } from '../../store/useViewStore';

/** The toolbar search: highlights workloads whose name or `key=value` label contains the text; Ctrl/Cmd+F focuses it, Escape clears it. */
export function SearchBox() {
  const searchText = useViewStore((state) => state.searchText);
  const setSearchText = useViewStore((state) => state.setSearchText);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <input
      ref={input}
      className="search-box"
      type="search"
      placeholder="Search workloads (Ctrl+F)"
      aria-label="Search workloads by name or label"
      value={searchText}
      onChange={(event) => setSearchText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          setSearchText('');
          event.currentTarget.blur();
        }
      }}
    />
  );
}
