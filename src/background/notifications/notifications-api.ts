/** A desktop notification about a call, in the shape chrome.notifications takes. */
export interface CallNotificationOptions {
  /** Always `basic`: icon, title, message and buttons. */
  readonly type: 'basic';
  /** Extension-relative path of the icon. */
  readonly iconUrl: string;
  /** First line: what happens ("Incoming call"). */
  readonly title: string;
  /** Who is calling. */
  readonly message: string;
  /** Smaller text: the queue, or what went wrong. */
  readonly contextMessage?: string;
  /** Up to two buttons; their index comes back in `buttonClicked`. */
  readonly buttons: readonly { readonly title: string }[];
  /** Stays until the agent acts or Softbar clears it. */
  readonly requireInteraction: boolean;
  /** -2..2; a ringing call is 2. */
  readonly priority: number;
  /** When the call started (epoch ms). */
  readonly eventTime: number;
}

/** Showing and removing desktop notifications (chrome.notifications, a fake in tests). */
export interface NotificationsApi {
  /** Shows notification `id`, replacing one already shown under that id. */
  create(id: string, options: CallNotificationOptions): Promise<void>;
  /** Removes notification `id`; nothing happens when it is not shown. */
  clear(id: string): Promise<void>;
}

/** What the agent did with a notification; the worker forwards chrome.notifications events here. */
export interface NotificationEvents {
  /** The agent pressed button `buttonIndex` (0 = first) of notification `id`. */
  buttonClicked(id: string, buttonIndex: number): Promise<void>;
  /** The agent clicked the body of notification `id`. */
  clicked(id: string): Promise<void>;
  /** Notification `id` went away; `byUser` when the agent dismissed it. */
  closed(id: string, byUser: boolean): Promise<void>;
}
