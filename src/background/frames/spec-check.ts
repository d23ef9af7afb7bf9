import { parseHttpUrl } from '../../core/http-url';
import { SANDBOX_PAGE } from '../../sandbox/protocol';
import type { FrameSpec } from '../../vendors/frame-host';
import { parseScreenLayout } from './protocol';

/**
 * What is wrong with a frame spec, in words for the agent (the admin's settings are the usual cause).
 * `extensionOrigin` (`chrome-extension://<id>`) is where a sandboxed frame's page must be.
 */
export function specProblem(spec: FrameSpec, extensionOrigin?: string): string | undefined {
  if (typeof spec.key !== 'string' || spec.key.length === 0 || spec.key.length > 300) {
    return 'The vendor page has no usable name.';
  }
  if (spec.sandboxed !== undefined && typeof spec.sandboxed !== 'boolean') {
    return 'The vendor page asks for a sandbox Softbar cannot read.';
  }
  const addressProblem = spec.sandboxed ? sandboxProblem(spec, extensionOrigin) : vendorPageProblem(spec);
  if (addressProblem) return addressProblem;
  if (typeof spec.allow !== 'string' || spec.allow.length > 500) {
    return 'The vendor page asks for permissions Softbar cannot read.';
  }
  if (spec.screen !== undefined && !parseScreenLayout(spec.screen)) {
    return "The vendor screen's layout settings are not valid.";
  }
  return undefined;
}

function vendorPageProblem(spec: FrameSpec): string | undefined {
  const url = typeof spec.url === 'string' && spec.url.length <= 8_192 ? parseHttpUrl(spec.url) : undefined;
  if (!url) return 'The vendor page address must be a full http:// or https:// address.';
  // The origin is compared with each message's origin and is the target of every post: it must be
  // exactly what a browser reports (scheme, host, port; no path).
  const origin = typeof spec.origin === 'string' ? parseHttpUrl(spec.origin) : undefined;
  if (!origin || origin.origin !== spec.origin) {
    return `The vendor page's origin "${String(spec.origin)}" is not an origin like https://host:port.`;
  }
  return undefined;
}

function sandboxProblem(spec: FrameSpec, extensionOrigin: string | undefined): string | undefined {
  // Only our own sandbox page: a "null" origin means the host page hands the iframe's first document a
  // MessagePort with a "*"-targeted handshake (see the offscreen document's frame set), which is safe only
  // because that document is the page named here.
  if (extensionOrigin === undefined || spec.url !== `${extensionOrigin}/${SANDBOX_PAGE}`) {
    return "A sandboxed vendor page must be Softbar's own sandbox page.";
  }
  if (spec.origin !== 'null') return 'A sandboxed vendor page\'s origin must be "null".';
  return undefined;
}
