import { effect, type ReadonlySignal } from '@preact/signals';
import type { AutofillRule } from '../../src/core/config/types';
import type { HubState } from '../../src/core/hub-state';
import { dueFills } from './due';
import { trackMatchStart } from './match-start';
import { rulesForPage } from './page-rules';
import { applyAutofillRule, type FieldReport } from './run';

export interface AutofillTriggerOptions {
  /** The page whose forms are filled. */
  readonly document: Document;
  /** The hub's live state; each change may make a rule due. */
  readonly state: ReadonlySignal<HubState | undefined>;
  /** This site's autofill rules (the hub's page policy). */
  readonly rules: ReadonlySignal<readonly AutofillRule[]>;
  /** The page's URL right now; a change (single-page CRM) counts as a new page for ended calls. */
  readonly href: ReadonlySignal<string>;
  /** When the page loaded, epoch ms. */
  readonly loadedAt: number;
  /** How long a due rule keeps looking for fields not on the page yet; default 10 s. */
  readonly retryMs?: number;
}

const RETRY_MS = 10_000;
// DOM changes come in bursts (a framework rendering a form); look once per burst.
const BATCH_MS = 200;

/**
 * Outcomes worth another look while the rule's window is open: the form may not be rendered yet, a
 * field may be disabled while the form loads, a select's options may arrive from the network.
 */
const RETRIED: ReadonlySet<FieldReport['outcome']> = new Set(['not-found', 'not-fillable', 'no-option']);

/** One (rule, call) pair on this page: the fields it still has to fill, and until when it tries. */
interface Pending {
  /** Indices of the rule's fields not filled yet (not found, not fillable, no such option). */
  readonly remaining: Set<number>;
  /** Epoch ms after which the pair stops trying. */
  readonly deadline: number;
}

/**
 * Fills the page's forms by themselves when a call reaches a rule's moment: each field of each
 * (rule, call) pair at most once per page load, so the agent's later edits are never replaced. Fields
 * not on the page yet are looked for again on DOM changes for `retryMs`, then given up. Returns the
 * stop function.
 */
export function startAutofillTrigger(options: AutofillTriggerOptions): () => void {
  const { document } = options;
  const retryMs = options.retryMs ?? RETRY_MS;
  const pairs = new Map<string, Pending>();
  const matchStart = trackMatchStart(options.loadedAt);
  let observer: MutationObserver | undefined;
  let batch: ReturnType<typeof setTimeout> | undefined;
  let expiry: ReturnType<typeof setTimeout> | undefined;

  const stopWatching = () => {
    observer?.disconnect();
    observer = undefined;
    clearTimeout(batch);
    batch = undefined;
    clearTimeout(expiry);
    expiry = undefined;
  };

  const watchUntil = (deadline: number) => {
    if (!observer) {
      observer = new MutationObserver(() => {
        batch ??= setTimeout(() => {
          batch = undefined;
          attempt();
        }, BATCH_MS);
      });
      observer.observe(document.documentElement, {
        childList: true,
        subtree: true,
        attributes: true,
        attributeFilter: ['disabled', 'readonly'],
      });
    }
    clearTimeout(expiry);
    // One last look at the deadline, which then stops watching.
    expiry = setTimeout(attempt, Math.max(0, deadline - Date.now()) + 1);
  };

  const attempt = () => {
    const state = options.state.peek();
    const rules = options.rules.peek();
    const href = options.href.peek();
    const now = Date.now();
    // Before the state check: a rule's window opens when it matches, whether or not calls are known yet.
    const since = matchStart(rulesForPage(rules, href), href, now);
    if (!state || rules.length === 0) {
      stopWatching();
      return;
    }
    let nextDeadline = Number.POSITIVE_INFINITY;
    for (const { rule, call } of dueFills(state, rules, href, since)) {
      const key = JSON.stringify([rule.id, call.id]);
      let pending = pairs.get(key);
      if (!pending) {
        pending = { remaining: new Set(rule.fields.keys()), deadline: now + retryMs };
        pairs.set(key, pending);
      }
      if (pending.remaining.size === 0 || now > pending.deadline) continue;
      for (const report of applyAutofillRule(rule, call, document, pending.remaining)) {
        if (!RETRIED.has(report.outcome)) pending.remaining.delete(report.index);
      }
      if (pending.remaining.size > 0) nextDeadline = Math.min(nextDeadline, pending.deadline);
    }
    if (nextDeadline === Number.POSITIVE_INFINITY) stopWatching();
    else watchUntil(nextDeadline);
  };

  const dispose = effect(() => {
    // Subscribe to all three; `attempt` reads them without subscribing (it also runs from timers).
    options.state.value;
    options.rules.value;
    options.href.value;
    attempt();
  });
  return () => {
    dispose();
    stopWatching();
  };
}
