import { SIM_PATHS, WIDGET_FILE_NAME, WIDGET_PATH } from '../protocol';

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);

/** The widget page: a shell for the bundled relay. */
export function widgetPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Tegsoft Widget (simulator)</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 0; padding: 12px; color: #1d2733; }
  h1 { font-size: 15px; margin: 0 0 8px; }
  dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 0; }
  dt { color: #5b6776; }
  dd { margin: 0; }
  #login-error { color: #b00020; font-weight: 600; }
</style>
</head>
<body>
<main id="tegsoft-widget" aria-live="polite">Loading…</main>
<script src="${SIM_PATHS.script}"></script>
</body>
</html>
`;
}

const CREDENTIALS = ['sessiontype', 'token', 'usercode', 'clearpassword'];

/**
 * The widget URL for a set of auto-login parameters (document 1.2).
 */
export function widgetUrl(origin: string, params: Readonly<Record<string, string | undefined>>): string {
  const url = new URL(WIDGET_PATH, origin);
  url.searchParams.set('fileName', WIDGET_FILE_NAME);
  for (const key of CREDENTIALS) {
    const value = params[key];
    if (value !== undefined) url.searchParams.set(key, value);
  }
  return url.toString();
}

/**
 * The server's test page (`tegsoftwidgettest.html`): the widget in an iframe, the events it posts, and
 * buttons sending a few actions. Its auto-login parameters are the page's own query's (default token:
 * `defaultToken`). Unlike the document's samples it checks where messages come from and posts to the
 * widget's origin only: messages from anywhere else are listed as ignored.
 */
export function testPage(origin: string, query: URLSearchParams, defaultToken: string): string {
  const params: Record<string, string> = { sessiontype: query.get('sessiontype') ?? 'agent' };
  for (const key of CREDENTIALS.slice(1)) {
    const value = query.get(key);
    if (value !== null) params[key] = value;
  }
  if (params.token === undefined && params.usercode === undefined) params.token = defaultToken;
  const src = widgetUrl(origin, params);
  const snippet = `<script type='text/javascript' >
window.tegsoft_widget_options = {
  tegsoft_hostname: "${origin}",
  layout : {
    autoMaximize: true,
    style : { padding : "0px", borderRadius : "0px", height: "100vh", width: "100vw" },
    minimize : { enable : true },
    hideToSide : { enable : true },
    hideInIcon : { enable : true },
    movable : { enable : true, position : "right" },
  },
};
</script>`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Tegsoft Widget Test</title>
<style>
  body { font: 14px system-ui, sans-serif; margin: 16px; display: grid; grid-template-columns: 360px 1fr; gap: 16px; }
  iframe { width: 360px; height: 300px; border: 1px solid #c6ccd4; border-radius: 6px; }
  fieldset { margin: 0 0 8px; }
  ol { font: 12px ui-monospace, monospace; max-height: 50vh; overflow: auto; padding-left: 20px; }
  pre { background: #f4f6f8; padding: 8px; font-size: 12px; overflow: auto; }
</style>
</head>
<body>
<section>
  <iframe id="tegsoftWidgetFrame" src="${escapeHtml(src)}" allow="microphone; camera; autoplay"></iframe>
  <fieldset><legend>Agent</legend>
    <button data-action="queryStatus">queryStatus</button>
    <button data-action="ready">ready</button>
    <input id="reason" value="BREAK" size="8" aria-label="Not-ready reason">
    <button data-action="notReady">notReady</button>
    <button data-action="logout">logout</button>
  </fieldset>
  <fieldset><legend>Call</legend>
    <input id="number" value="1234567890" size="12" aria-label="Number to dial">
    <button data-action="dial">dial</button>
    <button data-action="answer">answer</button>
    <button data-action="hangUp">hangUp</button>
    <button data-action="hold">hold</button>
    <button data-action="unhold">unhold</button>
    <button data-action="mute">mute</button>
    <button data-action="unmute">unmute</button>
  </fieldset>
  <fieldset><legend>Transfer</legend>
    <input id="extension" value="1003" size="6" aria-label="Extension">
    <button data-action="blindTransfer">blindTransfer</button>
    <button data-action="attendedTransfer">attendedTransfer</button>
    <button data-action="completeAttendedTransfer">complete</button>
    <button data-action="cancelAttendedTransfer">cancel</button>
    <button data-action="changeActiveLine">changeActiveLine</button>
  </fieldset>
  <fieldset><legend>Camera</legend>
    <button data-action="toggleCamera">toggleCamera</button>
  </fieldset>
</section>
<section>
  <h2>Events from the widget</h2>
  <ol id="events" reversed></ol>
  <h2>Ignored messages (not from the widget)</h2>
  <ol id="ignored" reversed></ol>
  <h2>Embedding as JavaScript</h2>
  <pre id="snippet">${escapeHtml(snippet)}</pre>
</section>
<script>
  const frame = document.getElementById('tegsoftWidgetFrame');
  const widgetOrigin = new URL(frame.src).origin;
  const value = (id) => document.getElementById(id).value;
  const dataFor = {
    notReady: () => ({ reason: value('reason') }),
    dial: () => ({ numberToDial: value('number') }),
    blindTransfer: () => ({ extension: value('extension') }),
    attendedTransfer: () => ({ extension: value('extension') }),
  };
  function sendAction(payload) {
    if (!frame.contentWindow) return;
    frame.contentWindow.postMessage(payload, widgetOrigin);
  }
  for (const button of document.querySelectorAll('button[data-action]')) {
    button.addEventListener('click', () => {
      const name = button.dataset.action;
      const data = dataFor[name]?.();
      sendAction(data ? { type: 'action', group: 'agent', name, data } : { type: 'action', group: 'agent', name });
    });
  }
  function append(listId, text) {
    const item = document.createElement('li');
    item.textContent = text;
    document.getElementById(listId).prepend(item);
  }
  window.addEventListener('message', (event) => {
    const data = event.data;
    const fromWidget = event.source === frame.contentWindow && event.origin === widgetOrigin;
    if (!fromWidget) {
      append('ignored', event.origin + ' ' + JSON.stringify(data));
      return;
    }
    if (!data || data.type !== 'event') return;
    append('events', data.name + ' ' + JSON.stringify(data.data ?? null));
  });
</script>
</body>
</html>
`;
}

/** A fake event a forged frame posts: it looks like the widget's, but it does not come from the widget. */
export function forgedEvent(kind: string): unknown {
  return {
    type: 'event',
    group: 'agent',
    name: 'OnIncomingCallRinging',
    data: {
      primarySession: {
        answerDate: null,
        sessionStartDate: new Date(0).toISOString(),
        endDate: null,
        isMuted: false,
        isOnHold: false,
        remoteNumber: '6666666666',
        isRinging: true,
        isAnswered: false,
        duration: 0,
        formattedDuration: '00:00:00',
        statusMessage: 'message_lastmessage04',
      },
      UID: 'forged',
      EXTEN: '1001',
      activeCallProperties: {
        incomingCallModalVisible: true,
        DIRECTION: 'INBOUND',
        callerId: '6666666666',
        callerIdName: `Forged caller (${kind})`,
        CALLID: `forged-${kind}`,
        isInCall: true,
        answered: false,
      },
    },
  };
}

/** The page a forged frame loads: posts the fake event up, then tells the server it did. */
export function forgePage(kind: 'same' | 'cross'): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Forged frame (${kind})</title></head>
<body>
<script>
  const fake = ${JSON.stringify(forgedEvent(kind))};
  for (const target of [window.top, window.parent.parent]) {
    try { target.postMessage(fake, '*'); } catch (error) { console.warn(error); }
  }
  fetch('${SIM_PATHS.forged}?kind=${kind}', { method: 'POST' });
</script>
</body>
</html>
`;
}
