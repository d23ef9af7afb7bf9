// `npm run bench:vendors`: what a vendor's host costs a call command, in real Chromium, in one run.
// The same command loop (hold, then resume, until each shows in the hub's state) runs in the service
// worker against: the demo PBX (in the worker: the baseline), Tegsoft (its widget in an iframe of the
// offscreen document, over postMessage) and UCS (its bundle in the sandboxed page inside the offscreen
// document, over a MessageChannel, then its WebSocket to the simulator). Prints medians and ratios to the
// baseline, writes bench/results/vendor-latency.json. Nothing is asserted: timings depend on the machine.
//
//   node bench/vendor-latency.mjs [--no-build] [--rounds 30]
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startFixtureServer } from '../scripts/fixture-server.mjs';
import { importProfile } from '../scripts/import-profile.mjs';
import { launchWithExtension } from '../scripts/launch.mjs';
import { loadSimulator } from '../scripts/load-sim.mjs';
import { median, ratio, round } from './stats.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const rounds = Number(args[args.indexOf('--rounds') + 1]) || 30;

/** Imports a one-profile configuration in the options page and waits until the hub is connected. */
async function useProfile(ext, profile) {
  await importProfile(ext, profile, 'CZ');
  await inWorker(ext, (id) => globalThis.__bench.connected(id), profile.id);
}

/** Runs `fn(arg)` in the service worker, with a small helper library installed once. */
async function inWorker(ext, fn, arg) {
  const worker = await ext.worker();
  await worker.evaluate(() => {
    const softbar = globalThis.__softbar;
    const until = async (predicate, what, ms = 20_000) => {
      const deadline = Date.now() + ms;
      while (!predicate(softbar.hub.current)) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 2));
      }
    };
    globalThis.__bench ??= {
      until,
      connected: async (id) => {
        await softbar.ready;
        await until((s) => s.session.profileId === id && s.connection.status === 'connected', 'connected');
      },
      /** Answers the ringing call, then times `n` hold + resume round trips until the state shows each. */
      loop: async (n) => {
        await until((s) => s.calls.some((c) => c.state === 'ringing'), 'a ringing call');
        const call = softbar.hub.current.calls.find((c) => c.state === 'ringing');
        await softbar.hub.execute({ type: 'answer', callId: call.id });
        await until((s) => s.calls[0]?.state === 'connected', 'connected call');
        const times = [];
        for (let i = 0; i < n; i += 1) {
          for (const [type, state] of [
            ['hold', 'held'],
            ['resume', 'connected'],
          ]) {
            const start = performance.now();
            await softbar.hub.execute({ type, callId: call.id });
            await until((s) => s.calls[0]?.state === state, state);
            times.push(performance.now() - start);
          }
        }
        await softbar.hub.execute({ type: 'hangup', callId: call.id });
        await until((s) => s.calls.length === 0, 'hang-up');
        return times;
      },
    };
  });
  return worker.evaluate(fn, arg);
}

async function main() {
  if (!args.includes('--no-build'))
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  const server = await startFixtureServer();
  const ext = await launchWithExtension();
  const page = await ext.context.newPage();
  await page.goto(`${server.url}/index.html`);
  const { startTegsoftSim } = await loadSimulator('tegsoft');
  const { startUcsSim, DEFAULT_SSO_SECRET } = await loadSimulator('ucs');
  const tegsoft = await startTegsoftSim();
  const ucs = await startUcsSim();
  const results = {};
  try {
    const vendors = [
      {
        name: 'demo',
        profile: { id: 'demo', vendor: 'demo', label: 'Demo PBX', settings: {} },
        ring: () => inWorker(ext, () => globalThis.__softbar.hub.simulateIncoming()),
      },
      {
        name: 'tegsoft',
        profile: {
          id: 'tegsoft',
          vendor: 'tegsoft',
          label: 'Tegsoft',
          settings: { hostname: tegsoft.url, token: 'test-token' },
        },
        ring: () => tegsoft.control.inboundCall({ number: '+442079460958', name: 'Olivia Bennett' }),
      },
      {
        name: 'ucs',
        profile: {
          id: 'ucs',
          vendor: 'ucs',
          label: 'UCS',
          settings: {
            hostname: '127.0.0.1',
            port: Number(new URL(ucs.url).port),
            secure: false,
            username: 'jan.novak',
            ssoSecret: DEFAULT_SSO_SECRET,
            identifier: 'pc101',
            autoOpenAccountCode: false,
          },
        },
        ring: () => ucs.control.incomingCall({ number: '602123456', name: 'Petr Malý' }),
      },
    ];
    for (const vendor of vendors) {
      await useProfile(ext, vendor.profile);
      await vendor.ring();
      const times = await inWorker(ext, (n) => globalThis.__bench.loop(n), rounds);
      results[vendor.name] = {
        commands: times.length,
        medianMs: round(median(times)),
        p90Ms: round(times.sort((a, b) => a - b)[Math.floor(times.length * 0.9)]),
      };
    }
  } finally {
    await ext.close();
    await tegsoft.close();
    await ucs.close();
    await server.close();
  }
  const base = results.demo.medianMs;
  for (const entry of Object.values(results)) entry.ratioToDemo = round(ratio(entry.medianMs, base));
  const out = join(ROOT, 'bench', 'results', 'vendor-latency.json');
  mkdirSync(resolve(out, '..'), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ rounds, results }, null, 2)}\n`);
  console.log('command round trip (hold/resume until the state shows it), in the service worker:');
  for (const [name, entry] of Object.entries(results)) {
    console.log(
      `  ${name.padEnd(8)} median ${String(entry.medianMs).padStart(7)} ms  p90 ${String(entry.p90Ms).padStart(7)} ms  × demo ${entry.ratioToDemo}`,
    );
  }
  console.log(`wrote ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
