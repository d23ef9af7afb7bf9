import { render } from 'preact';
import { followHubState } from '../src/messaging/live-state';
import '../src/ui/ui.css';
import './popup.css';
import { PopupApp } from './PopupApp';

followHubState();
const app = document.getElementById('app');
if (app) render(<PopupApp />, app);
