import type { Fetch } from '../../../src/vendors/xcally/phonebar';

/** A Phonebar call as the simulator and the tests write it. */
export interface FakeCall {
  sessionId: string;
  number: string;
  status: number;
  direction?: 'inbound' | 'outbound';
}

/** A Phonebar behind a fake fetch: its call list, the URLs asked, and answers to force. */
export function fakePhonebar() {
  const calls: FakeCall[] = [];
  const urls: string[] = [];
  let down = false;
  let session = 0;
  const hooks: { beforeCalls?: () => void } = {};
  const fetch: Fetch = async (url) => {
    urls.push(url);
    if (down) throw new TypeError('fetch failed');
    const path = new URL(url).pathname;
    const [, , action, id] = path.split('/');
    if (action === 'calls') hooks.beforeCalls?.();
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    switch (action) {
      case 'calls':
        return json(calls);
      case 'originate': {
        session += 1;
        const call = {
          sessionId: `s-${session}`,
          number: decodeURIComponent(id ?? ''),
          status: 4,
          direction: 'outbound' as const,
        };
        calls.push(call);
        return json(call);
      }
      case 'answer':
      case 'hangup': {
        const call = id === undefined ? calls[0] : calls.find((c) => c.sessionId === decodeURIComponent(id));
        if (!call) return json({ error: `no call ${id}` }, 404);
        if (action === 'answer') call.status = 8;
        else calls.splice(calls.indexOf(call), 1);
        return json(call);
      }
      default:
        return json({ error: 'no route' }, 404);
    }
  };
  return {
    fetch,
    calls,
    urls,
    /** `beforeCalls` runs while a call list is being read (before it is answered). */
    hooks,
    paths: () => urls.map((url) => new URL(url).pathname),
    setDown: (value: boolean) => {
      down = value;
    },
  };
}
