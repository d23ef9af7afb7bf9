// @vitest-environment happy-dom
import { signal } from '@preact/signals';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startAutofillTrigger } from '../../../content-scripts/autofill/trigger';
import type { Call } from '../../../src/core/call';
import type { AutofillRule } from '../../../src/core/config/types';
import type { HubState } from '../../../src/core/hub-state';
import { makeCall, makeState, NOW } from '../ui/fixtures';
import { CASE_FORM, caseRule, FORM_URL } from './rules';

const state = signal<HubState | undefined>(undefined);
const rules = signal<readonly AutofillRule[]>([]);
const href = signal(FORM_URL);
let stop: (() => void) | undefined;

const GIULIA = makeCall({
  id: 'giulia',
  state: 'ringing',
  answeredAt: undefined,
  remoteE164: '+390248691234',
  remoteName: 'Giulia Romano',
  queue: 'Billing',
  vendorData: { customerId: 'C-30851' },
});
const answered = (call: Call): Call => ({ ...call, state: 'connected', answeredAt: Date.now() });

const field = (id: string) => document.getElementById(id) as HTMLInputElement;
const phone = () => field('case-phone')?.value;

function start(options: { retryMs?: number; loadedAt?: number } = {}) {
  stop = startAutofillTrigger({
    document,
    state,
    rules,
    href,
    loadedAt: options.loadedAt ?? NOW,
    ...options,
  });
}

/** Lets the MutationObserver report and the trigger's batch timer run. */
async function advance(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  vi.useFakeTimers({
    now: NOW,
    toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'],
  });
  document.body.innerHTML = CASE_FORM;
  state.value = makeState();
  rules.value = [caseRule({ on: 'answered' })];
  href.value = FORM_URL;
});
afterEach(() => {
  stop?.();
  stop = undefined;
  document.body.innerHTML = '';
  vi.useRealTimers();
});

describe('autofill trigger', () => {
  it('fills when the call reaches the rule’s moment, not before', () => {
    start();
    state.value = makeState({ calls: [GIULIA] });
    expect(phone()).toBe('');
    state.value = makeState({ calls: [answered(GIULIA)] });
    expect(phone()).toBe('+390248691234');
    expect(field('case-queue').value).toBe('Billing');
    expect(field('case-subject').value).toBe('New enquiry');
  });

  it('fills each rule once per call: the agent’s edits stay', () => {
    rules.value = [caseRule({ on: 'ringing', overwrite: true })];
    start();
    state.value = makeState({ calls: [GIULIA] });
    expect(field('case-subject').value).toBe('Call from Giulia Romano');
    field('case-subject').value = 'Refund request';
    field('case-phone').value = '';
    state.value = makeState({ calls: [answered(GIULIA)] });
    state.value = makeState({ calls: [{ ...answered(GIULIA), muted: true }] });
    expect(field('case-subject').value).toBe('Refund request');
    expect(phone()).toBe('');
    // Another call is another fill.
    state.value = makeState({
      calls: [makeCall({ id: 'next', remoteE164: '+442079460958', remoteName: 'Olivia' })],
    });
    expect(phone()).toBe('+442079460958');
    expect(field('case-subject').value).toBe('Call from Olivia');
  });

  it('needs the conditions to hold', () => {
    rules.value = [caseRule({ on: 'ringing', conditions: [{ field: 'queue', equals: 'Sales' }] })];
    start();
    state.value = makeState({ calls: [GIULIA] });
    expect(phone()).toBe('');
  });

  it('never fills from a manual rule by itself', () => {
    rules.value = [caseRule({ on: 'manual' })];
    start();
    state.value = makeState({ calls: [answered(GIULIA)] });
    expect(phone()).toBe('');
  });

  it('fills only where the URL matches, and when a single-page CRM navigates to the form', () => {
    href.value = 'https://crm.example.com/contacts';
    start();
    state.value = makeState({ calls: [answered(GIULIA)] });
    expect(phone()).toBe('');
    href.value = FORM_URL;
    expect(phone()).toBe('+390248691234');
  });

  it('fills a form that renders after the moment, within the retry window', async () => {
    document.body.innerHTML = '<p>Loading the case form…</p>';
    start();
    state.value = makeState({ calls: [answered(GIULIA)] });
    await advance(1_500);
    document.body.innerHTML = CASE_FORM;
    await advance(500);
    expect(phone()).toBe('+390248691234');
    expect(field('case-notes').value).toBe('Customer C-30851 called Billing');
  });

  it('gives up on a form that does not come in time', async () => {
    document.body.innerHTML = '<p>Loading the case form…</p>';
    start({ retryMs: 2_000 });
    state.value = makeState({ calls: [answered(GIULIA)] });
    await advance(3_000);
    document.body.innerHTML = CASE_FORM;
    await advance(500);
    state.value = makeState({ calls: [{ ...answered(GIULIA), muted: true }] });
    expect(phone()).toBe('');
  });

  it('fills from a call that ended just before the page loaded, not from an older one', () => {
    rules.value = [caseRule({ on: 'ended' })];
    const ended = (id: string, endedAt: number, name: string) =>
      makeCall({ id, state: 'ended', endedAt, remoteName: name, remoteE164: `+1555000${id.length}` });
    start({ loadedAt: NOW });
    state.value = makeState({ recent: [ended('old', NOW - 5 * 60_000, 'Old caller')] });
    expect(field('case-name').value).toBe('');
    state.value = makeState({
      recent: [ended('fresh', NOW - 20_000, 'Fresh caller'), ended('old', NOW - 5 * 60_000, 'Old caller')],
    });
    expect(field('case-name').value).toBe('Fresh caller');
  });

  it('fills an ended rule from the newest call in its window, not the oldest', () => {
    rules.value = [caseRule({ on: 'ended' })];
    start({ loadedAt: NOW });
    state.value = makeState({
      recent: [
        makeCall({ id: 'newer', state: 'ended', endedAt: NOW - 10_000, remoteName: 'Newer caller' }),
        makeCall({ id: 'older', state: 'ended', endedAt: NOW - 40_000, remoteName: 'Older caller' }),
      ],
    });
    expect(field('case-name').value).toBe('Newer caller');
  });

  it('does not fill from calls that ended long before a rule began to match', async () => {
    const ended = (id: string, endedAt: number, name: string) =>
      makeCall({ id, state: 'ended', endedAt, remoteName: name });
    const elsewhere = caseRule({ on: 'ended', match: 'https://crm.example.com/contacts/*' });
    rules.value = [elsewhere];
    start({ loadedAt: NOW });
    state.value = makeState({ recent: [ended('early', NOW + 1_000, 'Early caller')] });
    await advance(60 * 60_000);
    // An hour after the page loaded, the configuration changes and the rule now matches this form.
    rules.value = [{ ...elsewhere, match: 'https://crm.example.com/cases/*' }];
    expect(field('case-name').value).toBe('');
    // A call that ends now does fill it.
    state.value = makeState({
      recent: [ended('now', Date.now(), 'Latest caller'), ended('early', NOW + 1_000, 'Early caller')],
    });
    expect(field('case-name').value).toBe('Latest caller');
  });

  it('stops when asked', () => {
    start();
    stop?.();
    state.value = makeState({ calls: [answered(GIULIA)] });
    expect(phone()).toBe('');
  });
});
