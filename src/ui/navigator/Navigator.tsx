import { BaselineDiffList } from '../baseline/BaselineDiffList';
import { LintList } from '../lints/LintList';
import { IssuesList } from '../yaml/IssuesList';
import { PolicyList } from './PolicyList';
import { WorkloadList } from './WorkloadList';

/** The left column: policies, workloads, issues and findings of the workspace. */
export function Navigator() {
  return (
    <aside className="navigator" aria-label="Navigator">
      <BaselineDiffList />
      <PolicyList />
      <WorkloadList />
      <IssuesList />
      <LintList />
    </aside>
  );
}
