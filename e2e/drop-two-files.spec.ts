import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const TEAM_A = `apiVersion: v1
kind: Namespace
metadata:
  name: team-a
---
apiVersion: v1
kind: Pod
metadata:
  name: web
  namespace: team-a
  labels:
    app: web
spec:
  containers:
    - name: web
      image: nginx:1.27
      ports:
        - containerPort: 80
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: web-from-team-b
  namespace: team-a
spec:
  podSelector:
    matchLabels:
      app: web
  ingress:
    - from:
        - namespaceSelector:
            matchLabels:
              kubernetes.io/metadata.name: team-b
      ports:
        - port: 80
`;

const TEAM_B = `apiVersion: v1
kind: Namespace
metadata:
  name: team-b
---
apiVersion: v1
kind: Pod
metadata:
  name: client
  namespace: team-b
  labels:
    app: client
spec:
  containers:
    - name: client
      image: curlimages/curl:8.8.0
`;

const isWorkload = (peer: string) => !peer.endsWith('[External]');

test('dropping two files on the window merges both into the workspace, with the edges the CLI prints', async ({ page, request }, testInfo) => {
  await page.goto('/');
  await expect(page.getByTestId('rf__node-shop/api[Deployment]')).toBeVisible();
  // Compared pair by pair with the CLI: draw every flow, not only the decided ones.
  await page.getByTestId('show-all-flows').check();

  // Built in the page (the e2e code is typed without the DOM library, hence the expression string).
  const dataTransfer = await page.evaluateHandle(`(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([${JSON.stringify(TEAM_A)}], 'team-a.yaml', { type: 'application/yaml' }));
    transfer.items.add(new File([${JSON.stringify(TEAM_B)}], 'team-b.yaml', { type: 'application/yaml' }));
    return transfer;
  })()`);
  const canvas = page.locator('main.app__canvas');
  await canvas.dispatchEvent('dragenter', { dataTransfer });
  await canvas.dispatchEvent('dragover', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toContainText('Drop YAML or JSON files');
  await page.screenshot({ path: testInfo.outputPath('dragging.png') });
  await canvas.dispatchEvent('drop', { dataTransfer });
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);

  await expect(page.getByRole('tab', { name: 'team-a.yaml' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'team-b.yaml' })).toBeVisible();
  for (const id of ['ns:team-a', 'ns:team-b', 'team-a/web[Pod]', 'team-b/client[Pod]', 'shop/api[Deployment]']) {
    await expect(page.getByTestId(`rf__node-${id}`)).toBeVisible();
  }
  await expect(page.getByTestId('rf__edge-team-b/client[Pod]=>team-a/web[Pod]')).toContainText('TCP 80');
  await expect(page.getByTestId('rf__edge-shop/frontend[Deployment]=>team-a/web[Pod]')).toHaveCount(0);

  // The workload edges drawn are exactly the workload pairs the CLI prints for the same three files.
  const inputs = [
    ['three-tier.yaml', await (await request.get('/examples/three-tier.yaml')).text()],
    ['team-a.yaml', TEAM_A],
    ['team-b.yaml', TEAM_B],
  ].map(([name, text]) => {
    const path = testInfo.outputPath(name);
    writeFileSync(path, text);
    return path;
  });
  const cli = execFileSync('node', ['bin/netpol-canvas.mjs', ...inputs], { encoding: 'utf8' });
  const expected = cli
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.slice(0, line.lastIndexOf(' : ')).split(' => '))
    .filter(([src, dst]) => isWorkload(src) && isWorkload(dst))
    .map(([src, dst]) => `${src}=>${dst}`)
    .sort();
  expect(expected).toContain('team-b/client[Pod]=>team-a/web[Pod]');
  await expect
    .poll(async () => {
      const edges = page.locator('[data-testid^="rf__edge-"]');
      const ids = await Promise.all(
        Array.from({ length: await edges.count() }, async (_, i) => (await edges.nth(i).getAttribute('data-testid')) ?? ''),
      );
      return ids
        .map((id) => id.slice('rf__edge-'.length))
        .filter((id) => !id.includes('ext:'))
        .sort();
    })
    .toEqual(expected);
  await page.screenshot({ path: testInfo.outputPath('merged.png') });
});
