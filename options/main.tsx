import { render } from 'preact';
// The notes form is shared with the bar and the popup and brings their look (scoped to .sb-ui).
import '../src/ui/ui.css';
import './options.css';
import { OptionsApp } from './OptionsApp';

const app = document.getElementById('app');
if (app) render(<OptionsApp />, app);
