import type { Region } from '../phone/number';
import { CONFIG_VERSION, type Profile, type SoftbarConfig } from './types';

/** Region used when a document names none. */
export const DEFAULT_REGION: Region = 'US';

/** The profile a fresh install runs: the built-in demo PBX, which needs no server. */
export const DEMO_PROFILE: Profile = { id: 'demo', vendor: 'demo', label: 'Demo PBX', settings: {} };

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
    callLog: { prompt: true, dispositions: [] },
  };
}
