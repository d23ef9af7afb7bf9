import { computed, effect } from '@preact/signals';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import type { PagePolicy } from '../src/core/page-policy';
import { send } from '../src/messaging/client';
import { followHubState, hubState, pagePolicy } from '../src/messaging/live-state';
import { isTabRequest } from '../src/messaging/protocol';
import { runCommand } from '../src/ui/actions';
import uiCss from '../src/ui/ui.css?inline';
import { AgentBar } from './agent-bar/AgentBar';
import barCss from './agent-bar/bar.css?inline';
import { type MountedHost, mountHost } from './agent-bar/host';
import { followPageHref, pageHref } from './autofill/page-href';
import { startAutofillTrigger } from './autofill/trigger';
import hostReset from './host-reset.css?inline';
import { askToDial } from './pending-dial';
import type { DialRequest, PhoneScan } from './phone-scan/contract';
import { relaySsoTokens } from './sso-relay';

/*
 * The one content script, on every http(s) page. It does nothing until the hub says what this page
 * gets (bar, phone-number detection, dial confirmation), and loads the scanner only where detection is
 * on, so a site where the agent turned it off costs no scanning at all.
 */

let bar: MountedHost | undefined;
let scan: PhoneScan | undefined;
let scanKey = '';
let scanGeneration = 0;
let autofillStarted = false;
let stopFollowingHref: (() => void) | undefined;

// Navigation start: a call that ended just before a screen-pop opened this page still fills its form.
const PAGE_LOADED_AT = Number.isFinite(performance.timeOrigin) ? performance.timeOrigin : Date.now();
// Blocked pages get no rules from the hub; the check on `bar` keeps that true here too.
const autofillRules = computed(() => (pagePolicy.value?.bar ? pagePolicy.value.autofill : []));

function dialFromPage(request: DialRequest): void {
  if (pagePolicy.value?.confirmDial) askToDial(request);
  else void runCommand({ type: 'dial', number: request.number });
}

function applyBar(policy: PagePolicy): void {
  if (policy.bar && !bar) {
    // `?inline` keeps the CSS a string for our shadow root: a plain import would inject it into the page.
    bar = mountHost(document, `${hostReset}\n${uiCss}\n${barCss}`);
    if (bar) render(<AgentBar origin={location.origin} />, bar.mount);
  } else if (!policy.bar && bar) {
    render(null, bar.mount);
    bar.remove();
    bar = undefined;
  }
}

function applyScan(policy: PagePolicy): void {
  const key = policy.detection ? JSON.stringify([policy.defaultRegion, policy.excludeSelectors]) : '';
  if (key === scanKey) return;
  scanKey = key;
  scan?.stop();
  scan = undefined;
  const generation = ++scanGeneration;
  if (!policy.detection) return;
  void import('./phone-scan').then(({ startPhoneScan }) => {
    // The policy may have changed while the scanner loaded.
    if (generation !== scanGeneration) return;
    scan = startPhoneScan(document, {
      defaultRegion: policy.defaultRegion,
      excludeSelectors: policy.excludeSelectors,
      onDial: dialFromPage,
    });
  });
}

/**
 * Autofill starts on the first policy with rules and then stays: without rules it does nothing, and
 * keeping it keeps its memory of what it filled, so a configuration change does not fill a form twice.
 * Following the URL (a poll) runs only while there are rules.
 */
function applyAutofill(policy: PagePolicy): void {
  const wanted = policy.bar && policy.autofill.length > 0;
  if (wanted && !autofillStarted) {
    autofillStarted = true;
    startAutofillTrigger({
      document,
      state: hubState,
      rules: autofillRules,
      href: pageHref,
      loadedAt: PAGE_LOADED_AT,
    });
  }
  if (wanted && !stopFollowingHref) stopFollowingHref = followPageHref(window);
  else if (!wanted && stopFollowingHref) {
    stopFollowingHref();
    stopFollowingHref = undefined;
  }
}

followHubState();
effect(() => {
  const policy = pagePolicy.value;
  if (!policy) return;
  applyBar(policy);
  applyScan(policy);
  applyAutofill(policy);
});

// The keyboard shortcut "call the selection" asks this tab what is selected.
browser.runtime.onMessage.addListener((message: unknown) => {
  if (!isTabRequest(message) || message.name !== 'selection') return undefined;
  return Promise.resolve(String(window.getSelection() ?? ''));
});

// A CRM page the admin listed (`crmOrigins`) may hand over the agent's SSO token; other pages get no
// listener at all, so they cannot even tell Softbar is there. The worker judges the page again.
let stopSsoRelay: (() => void) | undefined;
effect(() => {
  const wanted = pagePolicy.value?.ssoRelay === true;
  if (wanted && !stopSsoRelay)
    stopSsoRelay = relaySsoTokens(window, (username, token) => send('ssoToken', { username, token }));
  else if (!wanted && stopSsoRelay) {
    stopSsoRelay();
    stopSsoRelay = undefined;
  }
});
