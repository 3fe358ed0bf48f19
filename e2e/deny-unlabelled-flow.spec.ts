import { expect, test } from '@playwright/test';

const pod = (name: string, labels: string) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}, namespace: shop, labels: {${labels}}}
spec: {containers: [{name: c, ports: [{containerPort: 80}]}]}
`;
const WORKSPACE = [
  'apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n',
  pod('job', ''),
  pod('cron', ''),
  pod('api', 'app: api'),
  `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata: {name: api-in, namespace: shop}
spec:
  podSelector: {matchLabels: {app: api}}
  ingress:
  - from: [{podSelector: {}}]
`,
].join('---\n');

const JOB = 'shop/job[Pod]';
const CRON = 'shop/cron[Pod]';
const API = 'shop/api[Pod]';

test('denying a flow from an unlabelled workload says the plan is not exact, offers a label, and then denies exactly that flow', async ({ page }, testInfo) => {
  await page.goto('/');
  await page.getByTestId('open-files').setInputFiles({ name: 'jobs.yaml', mimeType: 'application/yaml', buffer: Buffer.from(WORKSPACE) });
  const jobToApi = page.getByTestId(`rf__edge-${JOB}=>${API}`);
  const cronToApi = page.getByTestId(`rf__edge-${CRON}=>${API}`);
  await expect(jobToApi).toBeVisible();
  await expect(cronToApi).toBeVisible();

  await jobToApi.locator('.react-flow__edge-textbg').click();
  await page.getByTestId('inspector').getByRole('button', { name: 'Remove this flow' }).click();
  const preview = page.getByRole('dialog', { name: `Remove the flow ${JOB} → ${API}` });
  const sideEffects = preview.getByTestId('change-preview-side-effects');
  await expect(sideEffects).toContainText('Not exact: it also changes 1 other connection');
  await expect(sideEffects).toContainText(`${CRON} → ${API}: all becomes nothing (cron has exactly the labels of job`);
  await expect(sideEffects).toContainText('Add the label app.kubernetes.io/instance=job to job');
  await page.screenshot({ path: testInfo.outputPath('not-exact.png') });

  await sideEffects.getByRole('button', { name: 'Add the label and plan again' }).click();
  await expect(sideEffects).toHaveCount(0);
  await expect(preview.getByTestId('change-preview-diff')).toContainText(`− denied ${JOB} → ${API}`);
  await expect(preview.getByTestId('change-preview-diff')).not.toContainText(CRON);
  await page.screenshot({ path: testInfo.outputPath('exact.png') });

  await preview.getByRole('button', { name: 'Apply' }).click();
  await expect(preview).toHaveCount(0);
  await expect(jobToApi).toHaveCount(0);
  await expect(cronToApi).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'YAML editor' })).toContainText('app.kubernetes.io/instance: job');
});
