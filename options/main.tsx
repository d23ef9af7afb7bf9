import { render } from 'preact';
import './options.css';
import { OptionsApp } from './OptionsApp';

const app = document.getElementById('app');
if (app) render(<OptionsApp />, app);
