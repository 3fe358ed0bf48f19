import { create } from 'zustand';

/** What the person has selected: a workload (`ns/name[Kind]`), a policy (`ns/name`), a cluster policy (`Kind name`), a namespace (its name) or an edge (`src=>dst`). */
export interface Selection {
  kind: 'workload' | 'policy' | 'clusterPolicy' | 'namespace' | 'edge';
  id: string;
  /** For a policy: the rule to bring into view, e.g. from an explanation's link. */
  rule?: { direction: 'ingress' | 'egress'; index: number };
}

/** A canvas position in React Flow coordinates (relative to the parent frame for workloads). */
export interface Point {
  x: number;
  y: number;
}

/**
 * How the person looks at the document; none of it is undoable, and only the dragged
 * positions are persisted (see STATE_KEYS in stateKeys.ts).
 */
export interface ViewState {
  /** The single selection shared by canvas, navigator and inspector. */
  selection: Selection | null;
  /** Namespaces the filter hides, with their workloads and edges. */
  hiddenNamespaces: readonly string[];
  /** Text the search box highlights workloads by (name or `key=value` label). */
  searchText: string;
  /** Whether the main area shows the graph or the connectivity matrix. */
  mainView: 'graph' | 'matrix';
  /** Positions the person dragged nodes to, by node id; they win over the automatic layout. */
  positions: Readonly<Record<string, Point>>;
  /** Draw every allowed pair as an edge, rather than only the connections some policy decided. */
  showAllFlows: boolean;
  /** Say on each edge which tier decided it (Admin, NetworkPolicy, Baseline) and draw the flows an Admin Deny closed. */
  tierView: boolean;
  /** Namespaces the person collapsed into one node, for the document revision they chose it in; otherwise the size decides (see collapsedNamespacesOf). */
  collapsedNamespaces: { revision: number; names: readonly string[] } | null;
  /** With a workload, namespace or edge selected, show only what lies within this many hops of it (0: everything). */
  focusDepth: 0 | 1 | 2;
  /** Bumped to lay everything out afresh. */
  layoutRound: number;
  /** Selects something, or clears the selection with `null`. */
  select: (selection: Selection | null) => void;
  /** Shows a hidden namespace or hides a shown one. */
  toggleNamespace: (name: string) => void;
  /** Shows every namespace again. */
  showAllNamespaces: () => void;
  /** Shows the graph or the connectivity matrix. */
  setMainView: (view: 'graph' | 'matrix') => void;
  /** Sets the search text. */
  setSearchText: (text: string) => void;
  /** Keeps the positions of nodes the person dragged. */
  keepPositions: (moved: Readonly<Record<string, Point>>) => void;
  /** Forgets every dragged position, so the automatic layout places everything again. */
  resetPositions: () => void;
  /** Draws every allowed pair, or only the decided ones. */
  setShowAllFlows: (showAllFlows: boolean) => void;
  /** Turns the tier view on or off. */
  setTierView: (tierView: boolean) => void;
  /** Sets which namespaces are collapsed into one node, for the given document revision. */
  setCollapsedNamespaces: (revision: number, names: readonly string[]) => void;
  /** Sets how many hops around the selection stay shown. */
  setFocusDepth: (depth: 0 | 1 | 2) => void;
}

/** The view store. */
export const useViewStore = create<ViewState>()((set) => ({
  selection: null,
  hiddenNamespaces: [],
  searchText: '',
  mainView: 'graph',
  positions: {},
  showAllFlows: false,
  tierView: false,
  collapsedNamespaces: null,
  focusDepth: 0,
  layoutRound: 0,
  select: (selection) => set({ selection }),
  toggleNamespace: (name) =>
    set((state) => ({
      hiddenNamespaces: state.hiddenNamespaces.includes(name)
        ? state.hiddenNamespaces.filter((n) => n !== name)
        : [...state.hiddenNamespaces, name],
    })),
  showAllNamespaces: () => set({ hiddenNamespaces: [] }),
  setSearchText: (searchText) => set({ searchText }),
  setMainView: (mainView) => set({ mainView }),
  keepPositions: (moved) => set((state) => ({ positions: { ...state.positions, ...moved } })),
  resetPositions: () => set((state) => ({ positions: {}, layoutRound: state.layoutRound + 1 })),
  setShowAllFlows: (showAllFlows) => set({ showAllFlows }),
  setTierView: (tierView) => set({ tierView }),
  setCollapsedNamespaces: (revision, names) => set({ collapsedNamespaces: { revision, names } }),
  setFocusDepth: (focusDepth) => set({ focusDepth }),
}));
