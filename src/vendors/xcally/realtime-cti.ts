/** The emit that feeds xCALLY's Integration Realtime section (the document's `pushevent`). */
export interface RealtimeCtiPayload {
  /** The integration's name (`appname`). */
  readonly type: string;
  /** The call's data with the time of the pop (`data.time = new Date()`). */
  readonly channel: Readonly<Record<string, unknown>>;
  /** The CTI creation id: the screen-pop rule that opened the page. */
  readonly reference: string;
  /** The page that was opened. */
  readonly url: string;
}

/**
 * What `pushevent(appname, data, reference, url)` emits for a screen-pop. The time goes as ISO text:
 * that is what socket.io makes of the document's `new Date()` anyway.
 */
export function realtimeCti(
  appName: string,
  data: Readonly<Record<string, unknown>>,
  pop: { readonly rule: string; readonly url: string },
  at: number,
): RealtimeCtiPayload {
  return {
    type: appName,
    channel: { ...data, time: new Date(at).toISOString() },
    reference: pop.rule,
    url: pop.url,
  };
}
