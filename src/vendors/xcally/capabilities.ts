import type { Capabilities } from '../../core/capabilities';
import { NO_CAPABILITIES } from '../../core/capabilities';
import type { XcallySettings } from './settings';

/**
 * The realtime connection only reports calls; the Phonebar's API is what dials, answers and hangs up
 * (declining is hanging up a ringing call). Neither document offers hold, mute, tones, transfers,
 * agent states or call data, so the bar shows none of them.
 */
export function xcallyCapabilities(settings: Pick<XcallySettings, 'phonebarUrl'>): Capabilities {
  const phonebar = settings.phonebarUrl !== undefined;
  return { ...NO_CAPABILITIES, dial: phonebar, answer: phonebar, reject: phonebar, hangup: phonebar };
}
