import type { Hub } from '../../src/background/hub';
import { demoVendor } from '../../src/vendors/demo';
import type { DemoAdapter } from '../../src/vendors/demo/adapter';
import { testAdapter } from './suite';

function demo(hub: Hub): DemoAdapter {
  const adapter = hub.activeAdapter as DemoAdapter | undefined;
  if (!adapter?.farEnd) throw new Error('the demo PBX is not running');
  return adapter;
}

testAdapter({
  name: 'demo',
  vendor: demoVendor,
  // The demo PBX lives in the extension: "starting the simulator" is choosing its timings.
  start: async () => ({
    settings: { answerDelayMs: 60_000, consultAnswerDelayMs: 20, afterCallWorkSeconds: 0 },
    stop: async () => {},
  }),
  control: (hub) => ({
    inboundCall: async (caller) => {
      await demo(hub).simulation.incomingCall(caller);
    },
    farEndAnswer: async () => {
      const pbx = demo(hub).farEnd!;
      for (const id of pbx.callIds()) pbx.farEndAnswer(id);
    },
    farEndHangup: async () => {
      const pbx = demo(hub).farEnd!;
      const last = pbx.callIds().at(-1);
      if (last) pbx.farEndHangup(last);
    },
    dropConnection: () => demo(hub).dropConnection(30),
  }),
});
