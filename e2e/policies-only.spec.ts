import { expect, test } from '@playwright/test';

const API = 'shop/api[Inferred]';
const DB = 'shop/db[Inferred]';
const MONITORING = 'monitoring/any-pod[Inferred]';

// A file of NetworkPolicies and nothing else: no Deployment, no Pod, no Namespace.
const POLICIES = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress, Egress]
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-api-to-db
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: db}
  ingress:
    - from:
        - podSelector:
            matchLabels: {app: api}
      ports:
        - port: 5432
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-egress-to-db
  namespace: shop
spec:
  podSelector:
    matchLabels: {app: api}
  policyTypes: [Egress]
  egress:
    - to:
        - podSelector:
            matchLabels: {app: db}
      ports:
        - port: 5432
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: allow-from-monitoring
  namespace: shop
spec:
  podSelector: {}
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: monitoring
`;

test('pasting a file of policies without workloads draws the workloads they select, marked inferred, and the flows they allow', async ({ page, context }, testInfo) => {
  test.setTimeout(90_000); // two documents analysed and laid out end to end; 30 s is tight on a busy 2-core machine
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });

  await page.getByRole('button', { name: 'New workspace' }).click();
  await page.getByRole('alertdialog', { name: 'New workspace' }).getByRole('button', { name: 'Discard' }).click();
  await page.getByRole('region', { name: 'Start' }).getByRole('button', { name: 'Paste YAML' }).click();
  await expect(page.locator('.cm-editor.cm-focused')).toBeVisible();
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(POLICIES)})`);
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByRole('textbox', { name: 'YAML editor' })).toContainText('allow-from-monitoring');

  // One card per distinct selector, dashed and badged "inferred", with the labels that satisfy the selector.
  const api = page.getByTestId(`rf__node-${API}`);
  const db = page.getByTestId(`rf__node-${DB}`);
  for (const card of [api, db, page.getByTestId(`rf__node-${MONITORING}`), page.getByTestId('rf__node-shop/any-pod[Inferred]')]) {
    await expect(card).toBeVisible();
    await expect(card).toContainText('inferred');
    await expect(card.locator('.workload-node')).toHaveClass(/workload-node--inferred/);
  }
  await expect(db).toContainText('app=db');
  await expect(page.getByTestId('rf__node-ns:monitoring')).toBeVisible();

  // The edge the policies imply, and a flow count that is no longer 0.
  await expect(page.getByTestId(`rf__edge-${API}=>${DB}`)).toContainText('TCP 5432');
  await expect(page.getByTestId('document-summary')).toContainText('4 policies');
  await expect(page.getByTestId('document-summary')).toContainText(/\b[1-9]\d* allowed flows?/);

  // No "selects no workload" finding per selector: one info that says what was inferred.
  for (const code of ['policy-selects-nothing', 'peer-matches-nothing', 'namespace-selector-matches-nothing']) await expect(page.locator(`[data-lint="${code}"]`)).toHaveCount(0);
  await expect(page.locator('[data-lint="workloads-inferred"]')).toHaveCount(1);
  await expect(page.locator('[data-lint="workloads-inferred"]')).toContainText('4 workloads inferred from their selectors');

  // Selecting an inferred card says where it comes from.
  await db.click();
  await expect(page.getByTestId('inspector')).toContainText("Inferred from shop/allow-api-to-db's podSelector");
  await expect(page.getByTestId('inspector')).not.toContainText('comes from Pods owned by');
  await page.screenshot({ path: testInfo.outputPath('policies-only.png') });

  // Adding the real workload replaces the inferred one.
  await page.getByRole('textbox', { name: 'YAML editor' }).click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.keyboard.insertText('\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: postgres, namespace: shop}\nspec: {selector: {matchLabels: {app: db}}, template: {metadata: {labels: {app: db}}, spec: {containers: [{name: c}]}}}\n');
  await expect(page.getByTestId('rf__node-shop/postgres[Deployment]')).toBeVisible();
  await expect(db).toHaveCount(0);
  await expect(page.getByTestId(`rf__edge-${API}=>shop/postgres[Deployment]`)).toContainText('TCP 5432');
});
