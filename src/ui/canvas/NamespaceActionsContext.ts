import { createContext } from 'react';

/** What a namespace node can ask of the canvas: to expand it into a frame of its workloads, or collapse it into one node. */
export interface NamespaceActions {
  expand: (name: string) => void;
  collapse: (name: string) => void;
}

/** The canvas provides the actions; outside a canvas they do nothing. */
export const NamespaceActionsContext = createContext<NamespaceActions>({ expand: () => undefined, collapse: () => undefined });
