/** What the page scanner needs from the rest of the content script, and what it gives back. */

/** A number the agent chose to call from the page, with where it came from. */
export interface DialRequest {
  /** The number to dial (E.164 when it parsed, else the cleaned text). */
  readonly number: string;
  /** The text as the page showed it, for the confirmation prompt. */
  readonly raw: string;
  /** Found in page text, or a tel:/callto:/sip: link. */
  readonly source: 'text' | 'link';
}

export interface ScanOptions {
  /** Region for numbers written without a country code (ISO 3166, e.g. "US"). */
  readonly defaultRegion: string;
  /** CSS selectors whose text is never read for numbers (admin's per-site exclusions). */
  readonly excludeSelectors: readonly string[];
  /** Called only for trusted user gestures (a real click or key press on our affordance or a tel: link). */
  readonly onDial: (request: DialRequest) => void;
}

export interface PhoneScan {
  /** Removes every overlay and listener: the page is as if we had never run. */
  stop(): void;
}
