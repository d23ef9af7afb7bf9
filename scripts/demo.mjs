// `npm run demo`: builds the extension, serves a sample CRM, and opens Chromium with Softbar on the
// built-in demo PBX. With no display it runs headless, plays a scripted call through the bar, and
// saves screenshots to demo-output/.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { ensureChromium, HOW_TO_GET } from './chromium.mjs';
import { startFixtureServer } from './fixture-server.mjs';
import { importProfile } from './import-profile.mjs';
import { launchWithExtension } from './launch.mjs';
import { loadSimulator } from './load-sim.mjs';

const root = resolve(import.meta.dirname, '..');
const args = new Set(process.argv.slice(2));
const headless = args.has('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);
const outDir = resolve(root, 'demo-output');

function step(text) {
  console.log(`\u2022 ${text}`);
}

async function main() {
  try {
    ensureChromium();
  } catch (error) {
    console.error(error instanceof Error ? error.message : HOW_TO_GET);
    process.exit(1);
  }
  if (!args.has('--no-build')) {
    step('building the extension (npm run build)');
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  }
  const server = await startFixtureServer({ port: Number(process.env.DEMO_PORT ?? 0) });
  step(`sample CRM at ${server.url}/index.html`);
  const ext = await launchWithExtension({
    headless,
    viewport: headless ? { width: 1280, height: 800 } : null,
  });
  const page = ext.context.pages()[0] ?? (await ext.context.newPage());
  await page.goto(`${server.url}/index.html`);
  if (args.has('--tegsoft')) {
    await tegsoftDemo(ext, page, server);
    return;
  }
  if (args.has('--ucs')) {
    await ucsDemo(ext, page, server);
    return;
  }

  if (!headless) {
    step(
      'Chromium is open with Softbar on the demo PBX. Click the Softbar icon and "Simulate incoming call".',
    );
    step('Close the browser window to stop.');
    await new Promise((done) => ext.context.on('close', done));
    await server.close();
    return;
  }

  mkdirSync(outDir, { recursive: true });
  const shots = [];
  const shot = async (target, name) => {
    const path = resolve(outDir, name);
    await target.screenshot({ path });
    shots.push(path);
  };
  const agentBar = page.getByRole('region', { name: 'Agent bar' });
  const button = (name) => agentBar.getByRole('button', { name, exact: true });
  await agentBar.waitFor();
  await page.waitForTimeout(300);
  await shot(page, '01-bar-ready.png');

  step('simulating an incoming call');
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.goto(`chrome-extension://${ext.extensionId}/popup/index.html`);
  await popup.getByRole('button', { name: 'Simulate incoming call' }).click();
  await page.bringToFront();
  await button('Answer').waitFor();
  await shot(page, '02-incoming-call.png');

  step('answering, then holding');
  await button('Answer').click();
  await button('Hang up').waitFor();
  await page.waitForTimeout(1200);
  await shot(page, '03-connected.png');
  await button('Hold').click();
  await button('Resume').waitFor();
  await shot(page, '04-on-hold.png');
  await button('Resume').click();

  step('the popup during the call');
  await popup.reload();
  await popup.getByRole('button', { name: 'Hang up', exact: true }).waitFor();
  await shot(popup, '05-popup.png');

  step('hanging up and dialing out');
  await button('Hang up').click();
  await agentBar.getByRole('textbox', { name: 'Number to dial' }).fill('+1 415 555 0132');
  await button('Dial').click();
  await agentBar.getByText(/Connected/).waitFor({ timeout: 10_000 });
  await shot(page, '06-outbound.png');
  await button('Hang up').click();

  const options = await ext.context.newPage();
  await options.goto(`chrome-extension://${ext.extensionId}/options/index.html`);
  await options.getByRole('textbox', { name: 'Configuration JSON' }).waitFor();
  await shot(options, '07-options.png');

  step('screen-pop into the bar, autofill of a case form, and the call log');
  const demoRules = {
    version: 1,
    profiles: [{ id: 'demo', vendor: 'demo', label: 'Demo PBX', settings: {} }],
    activeProfile: 'demo',
    screenPop: [
      {
        id: 'customer-card',
        label: 'Customer card',
        on: 'ringing',
        action: 'frame',
        url: `${server.url}/record.html?phone={e164}&customer={vendor.customerId}`,
      },
    ],
    autofill: [
      {
        id: 'case-form',
        match: 'http://127.0.0.1/case-form.html*',
        on: 'answered',
        fields: [
          { selector: '#case-phone', value: '{e164}' },
          { selector: '#case-name', value: '{name}' },
          { selector: '#case-queue', value: '{queue}' },
        ],
      },
    ],
    callLog: { dispositions: ['Resolved', 'Callback', 'Escalated'] },
  };
  await options.getByRole('textbox', { name: 'Configuration JSON' }).fill(JSON.stringify(demoRules));
  await options.getByRole('button', { name: 'Import', exact: true }).click();
  await options
    .getByRole('status')
    .filter({ hasText: /imported/i })
    .waitFor();
  await page.goto(`${server.url}/case-form.html`);
  await agentBar.waitFor();
  await popup.getByRole('button', { name: 'Simulate incoming call' }).click();
  await page.bringToFront();
  await agentBar.locator('iframe').waitFor();
  await page.waitForTimeout(800);
  await shot(page, '08-screen-pop-frame.png');
  await button('Answer').click();
  await page.locator('#case-phone').and(page.locator(':not([value=""])')).waitFor();
  await agentBar.getByRole('button', { name: 'Close', exact: true }).click();
  await page.waitForTimeout(500);
  await shot(page, '09-autofilled-form.png');
  await button('Hang up').click();
  await agentBar.getByRole('textbox', { name: 'Notes' }).fill('Asked for a callback about the invoice.');
  await page.waitForTimeout(300);
  await shot(page, '10-call-log.png');

  if (args.has('--readme')) {
    mkdirSync(resolve(root, 'docs'), { recursive: true });
    copyFileSync(resolve(outDir, '03-connected.png'), resolve(root, 'docs', 'agent-bar.png'));
    step('README screenshot updated: docs/agent-bar.png');
  }
  await ext.close();
  await server.close();
  console.log('\nScreenshots of the scripted call:');
  for (const path of shots) console.log(`  ${path}`);
}

/**
 * Imports a one-profile configuration in the options page, as an admin does, and waits for the bar to
 * say it is connected; resolves with the bar.
 */
async function connectProfile(ext, page, profile, defaultRegion) {
  await importProfile(ext, profile, defaultRegion);
  const agentBar = page.getByRole('region', { name: 'Agent bar' });
  await agentBar.getByText(`${profile.label} · Connected`).waitFor({ timeout: 20_000 });
  return agentBar;
}

/**
 * `npm run demo -- --tegsoft`: the same, on the Tegsoft simulator (sim/tegsoft) instead of the demo PBX:
 * the extension hosts the simulator's widget exactly as it would a real Tegsoft server's.
 */
async function tegsoftDemo(ext, page, server) {
  const { startTegsoftSim } = await loadSimulator('tegsoft');
  const sim = await startTegsoftSim({ answerDelayMs: 1500 });
  step(`Tegsoft simulator at ${sim.url} (test page ${sim.testPageUrl})`);
  const agentBar = await connectProfile(ext, page, {
    id: 'tegsoft',
    vendor: 'tegsoft',
    label: 'Tegsoft',
    settings: { hostname: sim.url, token: 'test-token', notReadyReasons: ['LUNCH', 'BREAK'] },
  });
  if (!headless) {
    step('Chromium runs Softbar on the Tegsoft simulator. Ring a call with:');
    step(
      `curl -X POST ${sim.url}/control/inbound-call -H 'content-type: application/json' -d '{"number":"+442079460958","name":"Olivia Bennett","skill":"Support"}'`,
    );
    step('Close the browser window to stop.');
    await new Promise((done) => ext.context.on('close', done));
  } else {
    mkdirSync(outDir, { recursive: true });
    await sim.control.inboundCall({ number: '+442079460958', name: 'Olivia Bennett', skill: 'Support' });
    await agentBar.getByRole('button', { name: 'Answer', exact: true }).waitFor();
    await page.screenshot({ path: resolve(outDir, 'tegsoft-01-ringing.png') });
    await agentBar.getByRole('button', { name: 'Answer', exact: true }).click();
    await agentBar.getByRole('button', { name: 'Hang up', exact: true }).waitFor();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: resolve(outDir, 'tegsoft-02-connected.png') });
    await agentBar.getByRole('button', { name: 'Hang up', exact: true }).click();
    console.log(
      `\nScreenshots: ${resolve(outDir, 'tegsoft-01-ringing.png')}, ${resolve(outDir, 'tegsoft-02-connected.png')}`,
    );
    await ext.close();
  }
  await sim.close();
  await server.close();
}

/**
 * `npm run demo -- --ucs`: on the UCS simulator (sim/ucs): the extension loads the simulator's agent bar
 * bundle into its sandboxed page, logs in with a token made from the SSO secret and pairs phone pc101.
 */
async function ucsDemo(ext, page, server) {
  const { startUcsSim, DEFAULT_SSO_SECRET } = await loadSimulator('ucs');
  const sim = await startUcsSim();
  step(`UCS simulator at ${sim.url} (bundle ${sim.bundleUrl})`);
  const agentBar = await connectProfile(
    ext,
    page,
    {
      id: 'ucs',
      vendor: 'ucs',
      label: 'UCS',
      settings: {
        hostname: '127.0.0.1',
        port: Number(new URL(sim.url).port),
        secure: false,
        username: 'jan.novak',
        ssoSecret: DEFAULT_SSO_SECRET,
        identifier: 'pc101',
      },
    },
    'CZ',
  );
  if (!headless) {
    step('Chromium runs Softbar on the UCS simulator. Ring a call with:');
    step(
      `curl -X POST ${sim.url}/control/incoming-call -H 'content-type: application/json' -d '{"number":"602123456","name":"Petr Malý"}'`,
    );
    step('Close the browser window to stop.');
    await new Promise((done) => ext.context.on('close', done));
  } else {
    mkdirSync(outDir, { recursive: true });
    const shots = [resolve(outDir, 'ucs-01-ringing.png'), resolve(outDir, 'ucs-02-connected.png')];
    shots.push(resolve(outDir, 'ucs-03-account-code.png'));
    await sim.control.setWaitingCallers(2);
    await sim.control.incomingCall({ number: '602123456', name: 'Petr Malý' });
    await agentBar.getByRole('button', { name: 'Answer', exact: true }).waitFor();
    await page.screenshot({ path: shots[0] });
    await agentBar.getByRole('button', { name: 'Answer', exact: true }).click();
    await agentBar.getByRole('button', { name: 'Hang up', exact: true }).waitFor();
    await page.waitForTimeout(1000);
    await page.screenshot({ path: shots[1] });
    await agentBar.getByRole('button', { name: 'Hang up', exact: true }).click();
    await agentBar.getByRole('button', { name: 'Set account code' }).waitFor();
    await page.screenshot({ path: shots[2] });
    console.log(`\nScreenshots: ${shots.join(', ')}`);
    await ext.close();
  }
  await sim.close();
  await server.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
