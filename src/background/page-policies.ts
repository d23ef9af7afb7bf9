import type { SoftbarConfig } from '../core/config/types';
import {
  type AgentSitePrefs,
  INERT_POLICY,
  originOf,
  type PagePolicy,
  pagePolicy,
} from '../core/page-policy';
import type { KeyValueStore } from './hub';

const PREFS_KEY = 'softbar.sitePrefs.v1';

/**
 * Decides, per page, what Softbar does there (bar, detection, dial confirmation), from the admin's
 * configuration and the agent's own per-site switches, and tells listeners when that may have changed.
 */
export class PagePolicies {
  private config: SoftbarConfig | undefined;
  private prefs: AgentSitePrefs = { detectionOff: [] };
  private readonly listeners = new Set<() => void>();

  /** `prefsStore` keeps the agent's switches across browser restarts (chrome.storage.local). */
  constructor(private readonly prefsStore: KeyValueStore) {}

  /** Loads the agent's saved switches. */
  async load(): Promise<void> {
    const saved = await this.prefsStore.get<AgentSitePrefs>(PREFS_KEY);
    if (saved && Array.isArray(saved.detectionOff)) {
      this.prefs = { detectionOff: saved.detectionOff.filter((o): o is string => typeof o === 'string') };
    }
  }

  /** Takes a new configuration. */
  setConfig(config: SoftbarConfig): void {
    this.config = config;
    this.changed();
  }

  /** The policy for a page; inert until the configuration is known. */
  policyFor(url: string | undefined): PagePolicy {
    if (!url || !this.config) return INERT_POLICY;
    return pagePolicy(url, this.config, this.prefs);
  }

  /** Turns detection on or off for every page of `url`'s origin; returns that origin. */
  async setDetection(url: string, enabled: boolean): Promise<string> {
    const origin = originOf(url);
    if (!origin) throw new Error('Phone-number detection only runs on web pages (http and https).');
    const others = this.prefs.detectionOff.filter((o) => o !== origin);
    this.prefs = { detectionOff: enabled ? others : [...others, origin] };
    await this.prefsStore.set(PREFS_KEY, this.prefs);
    this.changed();
    return origin;
  }

  /** Calls `listener` whenever any page's policy may have changed; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }
}
