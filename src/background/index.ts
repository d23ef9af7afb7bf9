import browser from 'webextension-polyfill';
import { isCrmPage, originOf } from '../core/page-policy';
import { isEnvelope, type SiteStatus, type TabRequest } from '../messaging/protocol';
import { vendorDefinitions } from '../vendors/registry';
import { createConfigService } from './config-service';
import { createConnectionTester } from './connection-test';
import { dialSelection } from './dial-selection';
import { createFrameHost } from './frames/frame-host';
import { alarmWakeUp, wakeOnHistoryAlarm } from './history/alarm-wakeup';
import { createCallHistory } from './history/call-history';
import { openHistoryDb } from './history/db';
import { combinedWakeUp, timerWakeUp } from './history/wake-up';
import { Hub, type KeyValueStore, type Logger } from './hub';
import { acceptLivePort } from './live-ports';
import { browserNotifications, listenToNotifications } from './notifications/browser-notifications';
import { createCallNotifier } from './notifications/call-notifier';
import { createCrmFocus } from './notifications/crm-focus';
import { PagePolicies } from './page-policies';
import { createRouter, type SiteService } from './router';
import { createScreenPopper } from './screen-pop/screen-popper';
import { senderRole } from './sender-role';
import { browserTabs } from './tabs/browser-tabs';
import { followVendorRequests } from './vendor-requests/vendor-requests';

const log: Logger = (level, message, detail) => {
  const line = `[softbar] ${message}`;
  if (level === 'error') console.error(line, detail ?? '');
  else if (level === 'warn') console.warn(line, detail ?? '');
  else if (level === 'info') console.info(line, detail ?? '');
};

const storeOf = (area: chrome.storage.StorageArea): KeyValueStore => ({
  get: async <T>(key: string) => (await area.get(key))[key] as T | undefined,
  set: (key, value) => area.set({ [key]: value }),
});

// chrome.storage.session survives the worker being stopped, and by default only trusted extension
// contexts (not content scripts) can read it: the right home for live call state.
// Vendor pages that need a DOM (Tegsoft's widget) live in the offscreen document, reached over ports.
const frames = createFrameHost({ log });
const hub = new Hub({
  vendors: vendorDefinitions,
  sessionStore: storeOf(chrome.storage.session),
  now: Date.now,
  log,
  frames,
});
// The agent's per-site switches are not secret; storage.local keeps them across browser restarts.
const policies = new PagePolicies(storeOf(chrome.storage.local));
const config = createConfigService(hub, vendorDefinitions, log, (applied) => {
  policies.setConfig(applied);
  // A rules change on the same profile produces no new hub state: look at the live calls again; a
  // webhook that came back may have logs waiting.
  void afterStart(() => Promise.all([screenPopper.check(), callHistory.wake()]));
});
const ready = policies
  .load()
  .then(() => config.start())
  .catch((error: unknown) => log('error', 'start-up failed', error));

/** Runs `task` once start-up is done (the hub has restored its state), logging failures. */
function afterStart(task: () => Promise<unknown>): Promise<void> {
  return ready.then(task).then(
    () => undefined,
    (error: unknown) => log('error', 'background task failed', error),
  );
}

// Screen-pops are decided here, once per call and rule, whatever number of tabs run the bar; the keys of
// pops done live in storage.session so a restarted worker does not pop again.
const sessionStore = storeOf(chrome.storage.session);
const screenPopper = createScreenPopper({
  hub,
  rules: () => config.current?.screenPop ?? [],
  doneStore: sessionStore,
  tabs: browserTabs,
  now: Date.now,
  log,
  onPopped: (pop) => hub.screenPopped(pop),
});
// Pages and messages a vendor pushes to the agent (xCALLY's AgentCTI and AgentCTINotification).
followVendorRequests({
  hub,
  tabs: browserTabs,
  notify: ({ title, message }) =>
    chrome.notifications
      .create(`softbar-vendor:${Date.now()}`, {
        type: 'basic',
        iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
        title,
        message,
      })
      .then(() => undefined),
  now: Date.now,
  log,
});
// A CRM page is one where the bar runs and the site is on the admin's allow list: there the bar shows the
// call, so no notification is needed. With an empty allow list every page the bar runs on counts.
const crmFocus = createCrmFocus(browserTabs, (url) => isCrmPage(policies.policyFor(url)));
const notifier = createCallNotifier({
  hub,
  notifications: browserNotifications,
  store: sessionStore,
  crmFocused: crmFocus.crmFocused,
  focusCrm: crmFocus.focusCrm,
  now: Date.now,
  log,
});
// History lives in the worker's IndexedDB; the webhook outbox wakes the worker with an alarm after Chrome
// stops it, and with a timer while it runs (alarms fire at most every 30 s).
const callHistory = createCallHistory({
  hub,
  openDatabase: () => openHistoryDb(),
  fetch: (input, init) => fetch(input, init),
  now: Date.now,
  log,
  settings: () => config.current?.callLog,
  wakeUp: combinedWakeUp(
    alarmWakeUp(log),
    timerWakeUp(() => void callHistory.wake()),
  ),
});
void afterStart(() => callHistory.start());
chrome.alarms.onAlarm.addListener(
  (alarm) => void wakeOnHistoryAlarm(alarm, () => afterStart(() => callHistory.wake())),
);

// Registered synchronously: a click on a notification's button may be what wakes the worker.
listenToNotifications(notifier);
void afterStart(() => Promise.all([screenPopper.start(), notifier.start()]));
// What the agent looks at changed: another window or application, or another tab of the same window. A
// call that rang while a CRM page had the focus is notified once the agent looks elsewhere.
const lookAgain = () => void afterStart(() => notifier.check());
browser.windows.onFocusChanged.addListener(lookAgain);
browser.tabs.onActivated.addListener(lookAgain);

const tabUrl = async (tabId: number): Promise<string | undefined> => {
  if (!Number.isInteger(tabId)) throw new Error('No tab given.');
  return (await browser.tabs.get(tabId)).url;
};
const siteStatus = (url: string | undefined): SiteStatus => {
  const policy = policies.policyFor(url);
  return { origin: url ? originOf(url) : undefined, blocked: !policy.bar, detection: policy.detection };
};
const sites: SiteService = {
  status: async (tabId) => siteStatus(await tabUrl(tabId)),
  setDetection: async (tabId, enabled) => {
    const url = await tabUrl(tabId);
    await policies.setDetection(url ?? '', enabled);
    return siteStatus(url);
  },
};
const connections = createConnectionTester({
  vendors: vendorDefinitions,
  frames,
  now: Date.now,
  log,
  live: () => {
    const active = hub.activeSettings;
    const { status, message } = hub.current.connection;
    return active && { ...active, status, message, pairing: hub.current.desk.pairing !== undefined };
  },
});
const route = createRouter(hub, config, sites, callHistory, connections);
const region = () => config.current?.defaultRegion ?? 'US';

// Listeners are registered synchronously at the top level so that a message or port that wakes a
// stopped worker is delivered; handlers wait for the restored state.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isEnvelope(message)) return undefined;
  const role = senderRole(sender, browser.runtime.id);
  return ready.then(() => route(message, role, sender));
});

browser.runtime.onConnect.addListener((port) => {
  if (frames.acceptPort(port)) return;
  acceptLivePort(port, senderRole(port.sender ?? {}, browser.runtime.id), hub, policies, ready);
});

const CALL_MENU = 'softbar-call-selection';
browser.runtime.onInstalled.addListener(() => {
  void browser.contextMenus.removeAll().then(() =>
    browser.contextMenus.create({
      id: CALL_MENU,
      title: 'Call "%s"',
      contexts: ['selection'],
      documentUrlPatterns: ['http://*/*', 'https://*/*'],
    }),
  );
});

const dialSelectedText = async (text: string | undefined) => {
  await ready;
  await dialSelection(hub, text, region());
};

browser.contextMenus.onClicked.addListener((info) => {
  if (info.menuItemId === CALL_MENU) void dialSelectedText(info.selectionText);
});

const dialSelectionInTab = async (tabId: number | undefined) => {
  if (tabId === undefined) return;
  const request: TabRequest = { softbarTab: 1, name: 'selection' };
  const text = await browser.tabs.sendMessage(tabId, request).catch(() => undefined);
  await dialSelectedText(typeof text === 'string' ? text : undefined);
};

browser.commands.onCommand.addListener((command, tab) => {
  if (command === 'dial-selection') void dialSelectionInTab(tab?.id);
});

// For end-to-end tests and the headless demo, which drive the far end from the worker's console.
(globalThis as { __softbar?: unknown }).__softbar = {
  hub,
  ready,
  policies,
  dialSelectionInTab,
  screenPopper,
  notifier,
  callHistory,
  frames,
};
