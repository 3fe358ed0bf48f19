import { describe, expect, it } from 'vitest';
import { readContainerPorts, readPodLabels, setContainerPorts, setWorkloadLabels } from './workloadFields';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'api', namespace: 'shop', labels: { app: 'api' } },
  spec: {
    selector: { matchLabels: { app: 'api' } },
    template: { metadata: { labels: { app: 'api', tier: 'backend' } }, spec: { containers: [{ name: 'api', image: 'x', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] }] } },
  },
};

describe('setWorkloadLabels', () => {
  it("sets a Deployment's pod template labels and keeps its selector on the kept keys", () => {
    const next = setWorkloadLabels(deployment, 'Deployment', { app: 'api2', team: 'a' });
    expect(readPodLabels(next, 'Deployment')).toEqual([['app', 'api2'], ['team', 'a']]);
    expect(next.spec).toMatchObject({ selector: { matchLabels: { app: 'api2' } } });
    expect(next.metadata).toEqual(deployment.metadata);
  });

  it('selects by every label when the selector lost all its keys', () => {
    const next = setWorkloadLabels(deployment, 'Deployment', { role: 'backend' });
    expect(next.spec).toMatchObject({ selector: { matchLabels: { role: 'backend' } } });
  });

  it("sets a Pod's own labels and a CronJob's job template labels", () => {
    const pod = setWorkloadLabels({ kind: 'Pod', metadata: { name: 'p' } }, 'Pod', { app: 'p' });
    expect(pod.metadata).toEqual({ name: 'p', labels: { app: 'p' } });
    const cron = setWorkloadLabels({ kind: 'CronJob', metadata: { name: 'c' } }, 'CronJob', { app: 'c' });
    expect(readPodLabels(cron, 'CronJob')).toEqual([['app', 'c']]);
    expect(cron.spec).toEqual({ jobTemplate: { spec: { template: { metadata: { labels: { app: 'c' } } } } } });
  });

  it('removes the labels key when no label is left, leaving the selector as written', () => {
    const next = setWorkloadLabels(deployment, 'Deployment', {});
    expect(readPodLabels(next, 'Deployment')).toEqual([]);
    expect(next.spec).toMatchObject({ selector: { matchLabels: { app: 'api' } } });
  });
});

describe('setContainerPorts', () => {
  it('replaces the first container ports, keeping text that is not a number as written', () => {
    const next = setContainerPorts(deployment, 'Deployment', [
      { name: 'http', containerPort: '9090', protocol: 'TCP' },
      { name: '', containerPort: 'abc', protocol: 'UDP' },
    ]);
    expect(readContainerPorts(next, 'Deployment')).toEqual([
      { name: 'http', containerPort: '9090', protocol: 'TCP' },
      { name: '', containerPort: 'abc', protocol: 'UDP' },
    ]);
    expect(next.spec).toMatchObject({ template: { spec: { containers: [{ name: 'api', image: 'x', ports: [{ containerPort: 9090 }, { containerPort: 'abc' }] }] } } });
  });

  it('creates a container when there is none and drops the ports key when none is left', () => {
    const pod = setContainerPorts({ kind: 'Pod', metadata: { name: 'p' } }, 'Pod', [{ name: '', containerPort: '80', protocol: 'TCP' }]);
    expect(pod.spec).toEqual({ containers: [{ name: 'p', image: 'nginx', ports: [{ containerPort: 80, protocol: 'TCP' }] }] });
    expect(readContainerPorts(setContainerPorts(pod, 'Pod', []), 'Pod')).toEqual([]);
  });
});
