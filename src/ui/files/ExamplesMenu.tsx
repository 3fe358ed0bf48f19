import { useDocumentStore } from '../../store/useDocumentStore';
import { DropdownMenu } from '../shared/DropdownMenu';

/** The bundled examples in `public/examples/`, in menu order. */
export const EXAMPLES = [
  { file: 'three-tier.yaml', title: 'Three-tier shop', hint: 'frontend → api → db, default-deny' },
  { file: 'microservices.yaml', title: 'Microservices', hint: 'a dozen services in four namespaces' },
  { file: 'ipblocks-named-ports.yaml', title: 'ipBlocks and named ports', hint: 'CIDRs with except, http/metrics/grpc' },
  { file: 'bank.yaml', title: 'Small bank', hint: '10 workloads, 9 policies in six namespaces' },
  { file: 'cluster-tiers.yaml', title: 'Cluster tiers', hint: 'Admin Deny and Pass, NetworkPolicy, Baseline default-deny' },
] as const;

/** The toolbar's "Examples ▾" menu: one click opens a bundled example as the workspace (undoable). */
export function ExamplesMenu() {
  const openExample = useDocumentStore((state) => state.openExample);
  const items = EXAMPLES.map((example) => ({
    label: example.title,
    hint: example.hint,
    onSelect: () => void openExample(`${import.meta.env.BASE_URL}examples/${example.file}`),
  }));
  return <DropdownMenu buttonText="Examples ▾" label="Examples" items={items} />;
}
