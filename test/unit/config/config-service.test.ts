import { describe, expect, it, vi } from 'vitest';
import { createConfigService } from '../../../src/background/config-service';
import type { Hub } from '../../../src/background/hub';
import { defaultConfig } from '../../../src/core/config/defaults';
import type { SoftbarConfig } from '../../../src/core/config/types';

const stored = vi.hoisted(() => ({ config: undefined as SoftbarConfig | undefined, loads: 0 }));

vi.mock('../../../src/background/config-store', () => ({
  loadConfig: async () => {
    stored.loads += 1;
    return stored.config;
  },
  loadStoredConfig: async () => stored.config,
  saveConfig: async () => {},
  lockedFields: async () => [],
}));

describe('config service', () => {
  it('answers the call-log options from the configuration in force, never the webhook', async () => {
    stored.config = {
      ...defaultConfig(),
      callLog: {
        prompt: false,
        dispositions: ['Sale', 'No sale'],
        webhook: {
          url: 'https://x.example/',
          headers: { authorization: 'secret' },
          retryBaseMs: 1,
          retryMaxMs: 2,
        },
      },
    };
    const hub = { applyConfig: vi.fn(async () => {}) } as unknown as Hub;
    const service = createConfigService(hub, [], () => {});

    // Before start (a message that woke the worker), the stored configuration answers.
    expect(await service.callLogOptions()).toEqual({ prompt: false, dispositions: ['Sale', 'No sale'] });
    await service.start();
    const loads = stored.loads;
    stored.config = { ...stored.config, callLog: { prompt: true, dispositions: [] } };
    // After start, the configuration the hub runs answers, without reading the store again.
    expect(await service.callLogOptions()).toEqual({ prompt: false, dispositions: ['Sale', 'No sale'] });
    expect(stored.loads).toBe(loads);
  });
});
