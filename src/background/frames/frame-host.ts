import type browser from 'webextension-polyfill';
import type { FrameHost } from '../../vendors/frame-host';
import type { Logger } from '../hub';

/** The browser frame host: vendor frames in the offscreen document or in a vendor-screen window. */
export interface BrowserFrameHost extends FrameHost {
  /** Takes a runtime port when it is one of the frame hosts' (returns false for other ports). */
  acceptPort(port: browser.Runtime.Port): boolean;
}

/** TODO(helper T2): the offscreen implementation. */
export function createFrameHost(_deps: { readonly log: Logger }): BrowserFrameHost {
  return {
    open: async () => {
      throw new Error('Vendor pages cannot be hosted yet.');
    },
    acceptPort: () => false,
  };
}
