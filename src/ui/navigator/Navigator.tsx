import { IssuesList } from '../yaml/IssuesList';
import { PolicyList } from './PolicyList';
import { WorkloadList } from './WorkloadList';

/** The left column: policies, workloads and issues of the workspace. */
export function Navigator() {
  return (
    <aside className="navigator" aria-label="Navigator">
      <PolicyList />
      <WorkloadList />
      <IssuesList />
    </aside>
  );
}
