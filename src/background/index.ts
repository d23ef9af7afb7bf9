import browser from 'webextension-polyfill';
import { isEnvelope } from '../messaging/protocol';
import { vendorDefinitions } from '../vendors/registry';
import { createConfigService } from './config-service';
import { Hub, type KeyValueStore, type Logger } from './hub';
import { acceptLivePort } from './live-ports';
import { createRouter } from './router';
import { senderRole } from './sender-role';

const log: Logger = (level, message, detail) => {
  const line = `[softbar] ${message}`;
  if (level === 'error') console.error(line, detail ?? '');
  else if (level === 'warn') console.warn(line, detail ?? '');
  else if (level === 'info') console.info(line, detail ?? '');
};

// chrome.storage.session survives the worker being stopped, and by default only trusted extension
// contexts (not content scripts) can read it: the right home for live call state.
const sessionStore: KeyValueStore = {
  get: async <T>(key: string) => (await chrome.storage.session.get(key))[key] as T | undefined,
  set: (key, value) => chrome.storage.session.set({ [key]: value }),
};

const hub = new Hub({ vendors: vendorDefinitions, sessionStore, now: Date.now, log });
const config = createConfigService(hub, vendorDefinitions, log);
const ready = config.start().catch((error: unknown) => log('error', 'start-up failed', error));
const route = createRouter(hub, config);

// Listeners are registered synchronously at the top level so that a message or port that wakes a
// stopped worker is delivered; handlers wait for the restored state.
browser.runtime.onMessage.addListener((message: unknown, sender: browser.Runtime.MessageSender) => {
  if (!isEnvelope(message)) return undefined;
  const role = senderRole(sender, browser.runtime.id);
  return ready.then(() => route(message, role));
});

browser.runtime.onConnect.addListener((port) => {
  acceptLivePort(port, senderRole(port.sender ?? {}, browser.runtime.id), hub, ready);
});

// For end-to-end tests and the headless demo, which drive the far end from the worker's console.
(globalThis as { __softbar?: unknown }).__softbar = { hub, ready };
