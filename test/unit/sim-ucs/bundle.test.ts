import { describe, expect, it } from 'vitest';
import { METHOD_STATES, startUcsSim } from '../../../sim/ucs';
import { operatorBundle } from '../../../sim/ucs/server/bundle';

describe('UCS simulator: the operator bundle', () => {
  it('builds as a browser script that installs every documented method', async () => {
    const code = await operatorBundle();
    expect(code).toContain('ucsOperator');
    for (const method of Object.keys(METHOD_STATES)) expect(code).toContain(method);
    expect(code).not.toMatch(/\bimport\s|\brequire\(/);
  });

  it('is served at the documented path', async () => {
    const sim = await startUcsSim();
    try {
      expect(sim.bundleUrl).toBe(`${sim.url}/operator/operator-v4.0.0.js`);
      const res = await fetch(sim.bundleUrl);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('javascript');
      expect(await res.text()).toBe(await operatorBundle());
    } finally {
      await sim.close();
    }
  });
});
