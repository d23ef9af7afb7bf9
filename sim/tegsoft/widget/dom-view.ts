import type { WidgetView } from './view';

const PHASE_TEXT: Record<WidgetView['phase'], string> = {
  loggingIn: 'Logging in…',
  loginFailed: 'Not logged in',
  online: 'Logged in',
  loggedOut: 'Logged out',
};

/**
 * Draws the view. Everything goes through textContent: names and numbers come from callers and must
 * never become markup.
 */
export function renderView(root: HTMLElement, view: WidgetView): void {
  const rows: [string, string, string][] = [];
  if (view.phase === 'online') {
    rows.push(
      ['agent-name', 'Agent', `${view.agentName ?? ''}${view.exten ? ` (${view.exten})` : ''}`],
      ['agent-state', 'State', view.agentState ?? '…'],
      ['current-call', 'Call', view.call ?? '…'],
      ['camera', 'Camera', view.cameraOn ? 'on' : 'off'],
      ['connection', 'Server', view.connected ? 'Connected' : 'Disconnected, reconnecting…'],
      ['parent-events', 'Events to CRM', view.eventsToParent ? 'on' : 'off'],
    );
  }
  const children: HTMLElement[] = [element('h1', 'phase', `Tegsoft · ${PHASE_TEXT[view.phase]}`)];
  if (view.error) {
    const error = element('p', 'login-error', view.error);
    error.setAttribute('role', 'alert');
    children.push(error);
  }
  if (rows.length > 0) {
    const list = document.createElement('dl');
    for (const [id, label, value] of rows)
      list.append(element('dt', `${id}-label`, label), element('dd', id, value));
    children.push(list);
  }
  if (view.phase === 'loggedOut') {
    const again = element('button', 'login-again', 'Log in again');
    again.addEventListener('click', () => location.reload());
    children.push(again);
  }
  root.replaceChildren(...children);
}

function element(tag: string, id: string, text: string): HTMLElement {
  const node = document.createElement(tag);
  node.id = id;
  node.dataset.testid = id;
  node.textContent = text;
  return node;
}
