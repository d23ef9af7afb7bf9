import { parseHttpUrl } from '../../core/http-url';
import type { FrameSpec } from '../../vendors/frame-host';
import { parseScreenLayout } from './protocol';

/** What is wrong with a frame spec, in words for the agent (the admin's settings are the usual cause). */
export function specProblem(spec: FrameSpec): string | undefined {
  if (typeof spec.key !== 'string' || spec.key.length === 0 || spec.key.length > 300) {
    return 'The vendor page has no usable name.';
  }
  const url = typeof spec.url === 'string' && spec.url.length <= 8_192 ? parseHttpUrl(spec.url) : undefined;
  if (!url) return 'The vendor page address must be a full http:// or https:// address.';
  // The origin is compared with each message's origin and is the target of every post: it must be
  // exactly what a browser reports (scheme, host, port; no path).
  const origin = typeof spec.origin === 'string' ? parseHttpUrl(spec.origin) : undefined;
  if (!origin || origin.origin !== spec.origin) {
    return `The vendor page's origin "${String(spec.origin)}" is not an origin like https://host:port.`;
  }
  if (typeof spec.allow !== 'string' || spec.allow.length > 500) {
    return 'The vendor page asks for permissions Softbar cannot read.';
  }
  if (spec.screen !== undefined && !parseScreenLayout(spec.screen)) {
    return "The vendor screen's layout settings are not valid.";
  }
  return undefined;
}
