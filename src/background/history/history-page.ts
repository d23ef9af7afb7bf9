import type { HistoryPage } from '../../core/history/types';
import { MAX_HISTORY_PAGE } from '../../messaging/protocol';

/** Records per page when the request names no limit. */
export const DEFAULT_HISTORY_PAGE = 500;

/** A page request checked: a whole `limit` within 1 to `MAX_HISTORY_PAGE`, `before` a finite time or absent. */
export interface CheckedPage {
  /** How many records to read at most. */
  readonly limit: number;
  /** Only calls that ended strictly before this (epoch ms); undefined = the newest. */
  readonly before: number | undefined;
}

/**
 * The page `page` asks for, made safe to answer in one message. The request comes from another context:
 * a limit that is no number gets the default; a `before` that is no time is refused (answering with the
 * first page instead would send a client paging through the history round in circles).
 */
export function checkHistoryPage(page: HistoryPage | undefined): CheckedPage {
  const asked = page?.limit === undefined ? Number.NaN : Number(page.limit);
  const limit = Number.isNaN(asked)
    ? DEFAULT_HISTORY_PAGE
    : Math.min(MAX_HISTORY_PAGE, Math.max(1, Math.floor(asked)));
  const before = page?.before ?? undefined;
  if (before !== undefined && (typeof before !== 'number' || !Number.isFinite(before))) {
    throw new Error('A history page starts "before" a time in epoch milliseconds.');
  }
  return { limit, before };
}
