import { expect, test } from '@playwright/test';

const edge = (src: string, dst: string) => `rf__edge-${src}=>${dst}`;
const API = 'shop/api[Deployment]';
const PROMETHEUS = 'monitoring/prometheus[Pod]';
const SCRAPER = 'monitoring/scraper[Pod]';

// Two peers: pods app=scraper in shop (there are none) OR every pod in namespaces team=ops.
const MONITORING = `apiVersion: v1
kind: Namespace
metadata:
  name: monitoring
  labels:
    team: ops
---
apiVersion: v1
kind: Pod
metadata:
  name: prometheus
  namespace: monitoring
  labels:
    app: prometheus
---
apiVersion: v1
kind: Pod
metadata:
  name: scraper
  namespace: monitoring
  labels:
    app: scraper
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: api-from-monitoring
  namespace: shop
spec:
  podSelector:
    matchLabels:
      app: api
  ingress:
    - from:
        - podSelector:
            matchLabels:
              app: scraper
        - namespaceSelector:
            matchLabels:
              team: ops
      ports:
        - protocol: TCP
          port: 8080
`;

test('joining two peers into one narrows the edges, and an invalid port is marked at its field until fixed', async ({ page, context }, testInfo) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/');
  await expect(page.locator('main.app__canvas .react-flow')).toHaveAttribute('data-layout', 'done', { timeout: 20_000 });
  await page.evaluate(`navigator.clipboard.writeText(${JSON.stringify(MONITORING)})`);
  await page.getByRole('heading', { name: /^Policies/ }).click();
  await page.keyboard.press('ControlOrMeta+V');
  await expect(page.getByTestId(edge(PROMETHEUS, API))).toContainText('TCP 8080');
  await expect(page.getByTestId(edge(SCRAPER, API))).toContainText('TCP 8080');

  const inspector = page.getByTestId('inspector');
  await page.getByRole('region', { name: 'Policies' }).getByRole('button', { name: /shop\/api-from-monitoring/ }).click();
  const peer1 = inspector.getByRole('group', { name: 'ingress rule 1 peer 1', exact: true });
  const peer2 = inspector.getByRole('group', { name: 'ingress rule 1 peer 2', exact: true });
  await expect(peer1).toContainText("pods matching podSelector in this policy's namespace (shop)");
  await expect(peer2).toContainText('every pod in namespaces matching namespaceSelector');
  await expect(inspector.locator('.policy-editor__or')).toContainText('OR');
  await expect(inspector.getByText(/two separate peers admit either one \(OR\)/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('two-peers.png') });

  await inspector.getByRole('button', { name: 'Join ingress rule 1 peers 1 and 2' }).click();
  await expect(peer2).toHaveCount(0);
  await expect(peer1).toContainText('one peer, both selectors');
  await expect(peer1).toContainText('AND: pods matching podSelector, in namespaces matching namespaceSelector');
  await expect(peer1.getByRole('textbox', { name: 'ingress rule 1 peer 1 namespaceSelector label 1 key' })).toHaveValue('team');
  await expect(peer1.getByRole('textbox', { name: 'ingress rule 1 peer 1 podSelector label 1 value' })).toHaveValue('scraper');
  await expect(inspector.getByText(/One peer with both selectors admits pods matching podSelector/)).toBeVisible();
  await expect(inspector.getByRole('button', { name: 'Split ingress rule 1 peer 1' })).toBeVisible();
  await expect(page.getByTestId(edge(PROMETHEUS, API))).toHaveCount(0);
  await expect(page.getByTestId(edge(SCRAPER, API))).toContainText('TCP 8080');
  await page.screenshot({ path: testInfo.outputPath('joined-peer.png') });

  const port = inspector.getByRole('combobox', { name: 'ingress rule 1 port 1 port' });
  await port.fill('99999');
  await port.press('Tab');
  await expect(port).toHaveAttribute('aria-invalid', 'true');
  await expect(port).toHaveValue('99999');
  await expect(inspector.getByText(/99999 is not a valid port/)).toBeVisible();
  await expect(page.getByTestId('stale-notice')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Policies' }).getByRole('button', { name: /shop\/api-from-monitoring/ })).toContainText('invalid: 1 error');
  await expect(page.getByTestId(edge(SCRAPER, API))).toContainText('TCP 8080');
  await page.screenshot({ path: testInfo.outputPath('invalid-port.png') });

  await port.fill('9090');
  await port.press('Tab');
  await expect(port).toHaveAttribute('aria-invalid', 'false');
  await expect(inspector.getByText(/is not a valid port/)).toHaveCount(0);
  await expect(page.getByTestId('stale-notice')).toHaveCount(0);
  await expect(page.getByTestId(edge(SCRAPER, API))).toContainText('TCP 9090');
  await expect(page.getByTestId(edge(PROMETHEUS, API))).toHaveCount(0);
});
