import { describe, expect, it } from 'vitest';
import type { Workload } from '../../engine';
import { workloadPortNames } from './workloadPortNames';

const workload = (name: string, ports: Workload['ports']): Workload => ({
  id: `shop/${name}[Deployment]`,
  namespace: 'shop',
  name,
  kind: 'Deployment',
  labels: {},
  ports,
  ips: [],
  hostNetwork: false,
});

describe('workloadPortNames', () => {
  it('lists each container port name once, sorted, with its ports and owners, and skips unnamed ports', () => {
    const names = workloadPortNames([
      workload('api', [{ name: 'http', containerPort: 8080, protocol: 'TCP' }, { containerPort: 9000, protocol: 'TCP' }]),
      workload('web', [{ name: 'http', containerPort: 80, protocol: 'TCP' }]),
      workload('dns', [{ name: 'dns', containerPort: 53, protocol: 'UDP' }]),
    ]);
    expect(names).toEqual([
      { name: 'dns', detail: 'UDP 53 on shop/dns' },
      { name: 'http', detail: 'TCP 8080, TCP 80 on shop/api, shop/web' },
    ]);
  });
});
