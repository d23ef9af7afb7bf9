import type { VendorEvent } from '../../core/vendor-events';
import type { Hub, Logger } from '../hub';
import { type OpenTarget, openTarget } from '../screen-pop/open-target';
import type { TabsApi } from '../tabs/tabs-api';

/** A message the vendor pushed to the agent, as a desktop notification. */
export interface DesktopNotice {
  /** Title line. */
  readonly title: string;
  /** Body text. */
  readonly message: string;
}

export interface VendorRequestDeps {
  /** The hub: its vendor events, the frame panel, the call ids, and notices for the agent. */
  readonly hub: Pick<Hub, 'onVendorEvent' | 'setFrame' | 'dispatch' | 'current'>;
  /** The browser's tabs and windows. */
  readonly tabs: TabsApi;
  /** Shows a desktop notification. */
  readonly notify: (notice: DesktopNotice) => Promise<void>;
  /** Epoch ms. */
  readonly now: () => number;
  /** Failures are logged here. */
  readonly log: Logger;
}

/**
 * Carries out what a vendor asks of the agent's browser outside the call state: open a page (xCALLY's
 * AgentCTI: new tab, new window, or the bar's frame; http(s) only, checked again by `openTarget`) and
 * push a desktop notification (AgentCTINotification). Returns the unsubscribe.
 */
export function followVendorRequests(deps: VendorRequestDeps): () => void {
  const { hub, log } = deps;
  const warn = (text: string) => hub.dispatch({ type: 'notice', at: deps.now(), level: 'warning', text });
  return hub.onVendorEvent((event: VendorEvent) => {
    if (event.type === 'openPage') void open(event);
    else if (event.type === 'notice' && event.desktop)
      void deps
        .notify({ title: event.title ?? 'Message', message: event.text })
        .catch((error: unknown) => log('warn', 'could not show a desktop notification', error));
  });

  async function open(event: Extract<VendorEvent, { type: 'openPage' }>): Promise<void> {
    const callId = event.vendorCallId
      ? hub.current.calls.find((call) => call.vendorCallIds.includes(event.vendorCallId!))?.id
      : undefined;
    const target: OpenTarget =
      event.mode === 'frame'
        ? { kind: 'frame', url: event.url, title: event.title ?? 'Contact center', callId }
        : { kind: event.mode, url: event.url };
    try {
      await openTarget(target, { tabs: deps.tabs, setFrame: hub.setFrame.bind(hub), now: deps.now });
    } catch (error) {
      log('warn', 'a page the vendor asked for was not opened', error);
      warn(
        `A page sent by the contact center was not opened: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
