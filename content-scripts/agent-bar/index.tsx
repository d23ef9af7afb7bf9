import { render } from 'preact';
import { followHubState } from '../../src/messaging/live-state';
import uiCss from '../../src/ui/ui.css?inline';
import { AgentBar } from './AgentBar';
import barCss from './bar.css?inline';
import { mountHost } from './host';

// `?inline` keeps the CSS a string for our shadow root: a plain import would inject it into the page.
const mounted = mountHost(document, `${uiCss}\n${barCss}`);
if (mounted) {
  followHubState();
  render(<AgentBar origin={location.origin} />, mounted.mount);
}
