import type { Region } from '../phone/number';
import { type CallLogSettings, CONFIG_VERSION, type Profile, type SoftbarConfig } from './types';

/** Region used when a document names none. */
export const DEFAULT_REGION: Region = 'US';

/** The profile a fresh install runs: the built-in demo PBX, which needs no server. */
export const DEMO_PROFILE: Profile = { id: 'demo', vendor: 'demo', label: 'Demo PBX', settings: {} };

/** Size of a screen-pop `popup` window whose rule gives none, in pixels. */
export const DEFAULT_POPUP_SIZE = { width: 900, height: 700 } as const;

/** First retry delay of a webhook POST that failed, when the document gives none. */
export const DEFAULT_RETRY_BASE_MS = 2000;
/** Longest delay between webhook retries, when the document gives none (or `retryBaseMs`, if larger). */
export const DEFAULT_RETRY_MAX_MS = 300_000;

/** `callLog` when a document leaves it out: ask for notes after each call, no dispositions, no webhook. */
export function defaultCallLog(): CallLogSettings {
  return { prompt: true, dispositions: [] };
}

/** The configuration of a fresh install: the demo PBX, everywhere, US numbering. */
export function defaultConfig(): SoftbarConfig {
  return {
    version: CONFIG_VERSION,
    profiles: [{ ...DEMO_PROFILE, settings: {} }],
    activeProfile: DEMO_PROFILE.id,
    defaultRegion: DEFAULT_REGION,
    sites: { allow: [], block: [], exclude: [] },
    screenPop: [],
    autofill: [],
    callLog: defaultCallLog(),
  };
}
