/**
 * Where vendor pages that need a DOM live (Tegsoft's widget iframe; later the sandboxed pages for UCS and
 * TVox). The worker has no DOM, so the browser implementation hosts each frame in the offscreen document,
 * or in a window when the agent opens the vendor's own screen; tests give an in-process one.
 */

/** What an adapter asks for. */
export interface FrameSpec {
  /** Stable name of the frame (e.g. `tegsoft:<profileId>`): opening the same key again re-attaches. */
  readonly key: string;
  /**
   * The vendor page, http(s). May carry credentials: never shown to content scripts. For a `sandboxed`
   * frame, our own sandbox page instead: `chrome.runtime.getURL('src/sandbox/index.html')`.
   */
  readonly url: string;
  /**
   * The page's origin: the only target of `post` and the only origin accepted from it. A `sandboxed`
   * frame's is `"null"` (a sandboxed page's origin is opaque, so it can be neither named nor told apart
   * from another opaque document): such a frame is spoken to and heard over a MessageChannel instead
   * (see `sandboxed`).
   */
  readonly origin: string;
  /**
   * The frame is our own sandboxed page (src/sandbox, the manifest's `sandbox.pages`), which may load a
   * remote vendor script (UCS's agent bar) that extension pages may not. Its `origin` must be `"null"`.
   * The host gives each load of the page a MessageChannel: when the iframe loads our page, the host
   * transfers one port to it with a single handshake window message (`{ type: 'softbar:port' }`, no data)
   * and from then on `post` goes over its own port only and `onMessage` hears that port only; window
   * messages from the frame are dropped. A document that takes the page's place in the iframe (the vendor
   * script navigated it) gets no port: the old one is closed and a fresh sandbox page is loaded in a new
   * iframe, which `onLoad` reports (see src/sandbox/protocol.ts).
   */
  readonly sandboxed?: boolean;
  /** The iframe's permissions policy (`allow` attribute), e.g. "microphone; camera; autoplay". */
  readonly allow: string;
  /** How the vendor's own screen looks when shown in a window (size, padding, corner radius). */
  readonly screen?: ScreenLayout;
}

/** Layout of the window that shows a vendor's own screen (Tegsoft's documented layout options). */
export interface ScreenLayout {
  /** Window title. */
  readonly title: string;
  /** CSS lengths for the frame inside the window (`100vh`, `600px`, `90%`). */
  readonly width?: string;
  readonly height?: string;
  readonly padding?: string;
  readonly borderRadius?: string;
  /** Maximize the window when a call rings (`autoMaximize`). */
  readonly autoMaximize?: boolean;
  /** Buttons the window's title bar offers (the document's minimize / hideToSide / hideInIcon / movable). */
  readonly minimize?: boolean;
  readonly hideToSide?: boolean;
  readonly hideInIcon?: boolean;
  /** Offer moving the window to a side; `position` is where it starts. */
  readonly movable?: { readonly position: 'left' | 'right' } | false;
}

/** One open vendor frame, as its adapter talks to it. */
export interface FrameChannel {
  /**
   * Posts `message` to the frame, with the frame's origin as the target origin; to a `sandboxed` frame,
   * over the port of its current page's channel (kept until the page has one).
   */
  post(message: unknown): void;
  /**
   * Calls `listener` with each message from the frame: only messages whose `origin` is the frame's
   * origin and whose `source` is the frame's own window get here; from a `sandboxed` frame, only those
   * that came over its current page's port. Returns the unsubscribe.
   */
  onMessage(listener: (data: unknown) => void): () => void;
  /**
   * Calls `listener` each time the frame (re)loads its page: after opening, after moving between the
   * offscreen document and the screen window, after the host was recreated; and once right away when the
   * page is already loaded (a re-attached frame), so the adapter always re-queries. Returns the unsubscribe.
   */
  onLoad(listener: () => void): () => void;
  /** Shows the vendor's own screen in a window (the frame moves there, and back when it is closed). */
  showScreen(): Promise<void>;
  /** Tells the screen window a call rings (for `autoMaximize`). */
  ringing(): void;
  /**
   * Forgets this channel but keeps the frame loaded: a new adapter opening the same key and URL within
   * the unclaimed timeout re-attaches without reloading it (so a settings change does not drop a call);
   * otherwise the host closes it. The channel is inert afterwards.
   */
  release(): void;
  /** Removes the frame. */
  close(): Promise<void>;
}

export interface FrameHost {
  /** The address of Softbar's sandboxed page in this host: the `url` of every `sandboxed` spec. */
  readonly sandboxPage: string;
  /**
   * Opens the frame, or re-attaches to it when a frame with the same key and URL is already open (the
   * worker restarted while the vendor page kept running). Rejects with a message for the agent.
   */
  open(spec: FrameSpec): Promise<FrameChannel>;
}
