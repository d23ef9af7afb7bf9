import type { SoftbarConfig } from '../core/config/types';
import { applyConfigUpdate } from '../core/config/update';
import { parseConfigJson } from '../core/config/validate';
import type { ConfigChangeResult, ConfigView } from '../messaging/protocol';
import type { VendorDefinition } from '../vendors/contract';
import { loadConfig, loadStoredConfig, lockedFields, saveConfig } from './config-store';
import type { Hub, Logger } from './hub';
import type { ConfigService } from './router';

/** The configuration as the hub runs it: loaded at start, changed only through validated documents. */
export function createConfigService(
  hub: Hub,
  vendors: readonly VendorDefinition[],
  log: Logger,
  /** Told of every configuration the hub starts running. */
  onApplied: (config: SoftbarConfig) => void = () => {},
) {
  let current: SoftbarConfig | undefined;

  const reload = async () => {
    current = await loadConfig(vendors);
    onApplied(current);
    await hub.applyConfig(current);
  };

  // The stored document is saved as the admin wrote it; policy fields win again at every load.
  const store = async (config: SoftbarConfig): Promise<ConfigChangeResult> => {
    await saveConfig(config);
    await reload();
    log('info', 'configuration saved');
    return { ok: true };
  };

  // Before `start` (a message that woke the worker can come first) the stored configuration is read.
  const inForce = async () => current ?? (await loadConfig(vendors));

  const service: ConfigService & { start(): Promise<void>; readonly current: SoftbarConfig | undefined } = {
    get current() {
      return current;
    },
    start: reload,
    view: async (): Promise<ConfigView> => ({
      config: await inForce(),
      vendors: vendors.map((vendor) => ({
        id: vendor.id,
        label: vendor.label,
        settingsForm: vendor.settingsForm,
      })),
      locked: await lockedFields(),
    }),
    importJson: async (json) => {
      const result = parseConfigJson(json, vendors);
      return result.ok ? store(result.config) : { ok: false, issues: result.issues };
    },
    update: async (patch) => {
      const result = applyConfigUpdate(await loadStoredConfig(vendors), patch, vendors, await lockedFields());
      return result.ok ? store(result.config) : { ok: false, issues: result.issues };
    },
    callLogOptions: async () => {
      const { prompt, dispositions } = (await inForce()).callLog;
      return { prompt, dispositions };
    },
  };
  return service;
}
