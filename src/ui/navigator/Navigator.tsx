import { BaselineDiffList } from '../baseline/BaselineDiffList';
import { LintList } from '../lints/LintList';
import { IssuesList } from '../yaml/IssuesList';
import { ClusterPolicyList } from './ClusterPolicyList';
import { PolicyList } from './PolicyList';
import { WorkloadList } from './WorkloadList';

/** The left column: cluster policies (when there are some), policies, workloads, issues and findings of the workspace. */
export function Navigator() {
  return (
    <aside className="navigator" aria-label="Navigator">
      <BaselineDiffList />
      <ClusterPolicyList />
      <PolicyList />
      <WorkloadList />
      <IssuesList />
      <LintList />
    </aside>
  );
}
