import type { SenderRole } from '../messaging/protocol';

/** The parts of a `runtime.MessageSender` the hub looks at. */
export interface SenderInfo {
  /** The sending extension's id. */
  readonly id?: string;
  /** The sending page or frame's URL. */
  readonly url?: string;
  /** Set when the sender is a content script (or an extension page) in a tab. */
  readonly tab?: unknown;
}

/**
 * Who sent a message, judged from what Chrome says about the sender, never from the message itself.
 * Extension pages are ours; content scripts run in web pages and are trusted with call control only;
 * anything else (another extension, a web page through externally_connectable) gets nothing.
 */
export function senderRole(sender: SenderInfo, extensionId: string): SenderRole | undefined {
  if (sender.id !== extensionId) return undefined;
  const url = sender.url ?? '';
  if (url.startsWith(`chrome-extension://${extensionId}/`)) return 'extensionPage';
  if (sender.tab && /^https?:\/\//.test(url)) return 'contentScript';
  return undefined;
}
