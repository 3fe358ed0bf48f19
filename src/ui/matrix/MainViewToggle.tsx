import { useViewStore } from '../../store/useViewStore';

/** The toolbar's Graph | Matrix switch of the main area. */
export function MainViewToggle() {
  const mainView = useViewStore((state) => state.mainView);
  const setMainView = useViewStore((state) => state.setMainView);
  return (
    <span className="main-view-toggle" role="group" aria-label="Main view">
      {(['graph', 'matrix'] as const).map((view) => (
        <button key={view} type="button" aria-pressed={mainView === view} onClick={() => setMainView(view)}>
          {view === 'graph' ? 'Graph' : 'Matrix'}
        </button>
      ))}
    </span>
  );
}
