import { expect, test } from '@playwright/test';

const edge = (src: string, dst: string) => `rf__edge-${src}=>${dst}`;
const FRONTEND = 'shop/frontend[Deployment]';
const API = 'shop/api[Deployment]';
const DB = 'shop/db[StatefulSet]';
const COREDNS = 'kube-system/coredns[Deployment]';

// The three-tier example already isolates `shop` (default-deny plus allow rules, which add up), so the
// namespace still open to everyone is kube-system: denying its ingress cuts every edge into CoreDNS.
const DEFAULT_DENY = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
  namespace: kube-system
spec:
  podSelector: {}
  policyTypes:
    - Ingress
`;

test('pasting a default-deny policy on the canvas removes the edges into that namespace', async ({ page, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  // The DNS edges from open workloads to open CoreDNS are drawn only when every flow is.
  await page.getByTestId('show-all-flows').check();

  for (const src of [FRONTEND, API, DB]) await expect(page.getByTestId(edge(src, COREDNS))).toHaveCount(1);
  await expect(page.getByTestId(edge(FRONTEND, API))).toContainText('TCP 8080');
  await page.screenshot({ path: testInfo.outputPath('before-paste.png') });

  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(DEFAULT_DENY)})`);
  await page.locator('main.app__canvas .react-flow__pane').click({ position: { x: 12, y: 70 } });
  await page.keyboard.press('ControlOrMeta+V');

  await expect(page.getByRole('tab', { name: 'pasted.yaml' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('textbox', { name: 'YAML editor' })).toContainText('namespace: kube-system');
  for (const src of [FRONTEND, API, DB]) await expect(page.getByTestId(edge(src, COREDNS))).toHaveCount(0);
  await expect(page.getByTestId(edge(FRONTEND, API))).toContainText('TCP 8080');
  await expect(page.getByTestId(edge(API, DB))).toContainText('TCP 5432');
  await expect(page.getByTestId(edge(COREDNS, FRONTEND))).toContainText('TCP 8080');
  await expect(page.getByTestId('document-summary')).toContainText('5 policies');
  await page.screenshot({ path: testInfo.outputPath('after-paste.png') });

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('tab', { name: 'pasted.yaml' })).toHaveCount(0);
  for (const src of [FRONTEND, API, DB]) await expect(page.getByTestId(edge(src, COREDNS))).toHaveCount(1);
});
