import { describe, expect, it } from 'vitest';
import {
  PHONEBAR_STATUS,
  PhonebarClient,
  phonebarEndpoint,
  phonebarState,
  readPhonebarCalls,
} from '../../../src/vendors/xcally/phonebar';

describe('Phonebar endpoints', () => {
  it('builds the documented URLs, percent-encoding the argument', () => {
    const base = 'http://127.0.0.1:9888';
    expect(phonebarEndpoint(base, 'calls')).toBe('http://127.0.0.1:9888/api/calls');
    expect(phonebarEndpoint(base, 'answer')).toBe('http://127.0.0.1:9888/api/answer');
    expect(phonebarEndpoint(base, 'answer', 'session-1')).toBe('http://127.0.0.1:9888/api/answer/session-1');
    expect(phonebarEndpoint(`${base}/`, 'originate', '+39 02#1')).toBe(
      'http://127.0.0.1:9888/api/originate/%2B39%2002%231',
    );
    expect(phonebarEndpoint(base, 'hangup', 'a/b')).toBe('http://127.0.0.1:9888/api/hangup/a%2Fb');
  });
});

describe('Phonebar status ids', () => {
  it('maps every documented id', () => {
    expect(Object.values(PHONEBAR_STATUS).map(phonebarState)).toEqual([
      'idle',
      'idle',
      'dialing',
      'dialing',
      'connected',
      'released',
      'ringing',
      'held',
      'terminated',
    ]);
  });

  it('reads names and numeric text, the most final of combined bits, and nothing else', () => {
    expect(phonebarState('ACTIVE')).toBe('connected');
    expect(phonebarState('holding')).toBe('held');
    expect(phonebarState('32')).toBe('ringing');
    expect(phonebarState(8 | 64)).toBe('held');
    expect(phonebarState(8 | 128)).toBe('terminated');
    expect(phonebarState('RINGING')).toBeUndefined();
    expect(phonebarState(-1)).toBeUndefined();
    expect(phonebarState(null)).toBeUndefined();
  });
});

describe('Phonebar call list', () => {
  it('reads the list, skipping what it cannot read', () => {
    expect(
      readPhonebarCalls([
        {
          sessionId: 's-1',
          number: '1003',
          name: 'telephone',
          direction: 'inbound',
          status: 32,
          statusName: 'INCOMING',
        },
        { id: 7, remoteNumber: 'sip:0612345678@pbx', state: 'ACTIVE' },
        { sessionId: 's-3' },
        'junk',
      ]),
    ).toMatchObject({
      calls: [
        { sessionId: 's-1', state: 'ringing', number: '1003', direction: 'inbound' },
        { sessionId: '7', state: 'connected', number: '0612345678', direction: undefined },
      ],
      unreadable: 2,
    });
    expect(readPhonebarCalls({ calls: [] })).toEqual({ calls: [], unreadable: 0 });
    expect(readPhonebarCalls({ error: 'x' })).toBeUndefined();
  });
});

describe('Phonebar client', () => {
  const base = 'http://127.0.0.1:9888';

  it('GETs the endpoints and reads the answers', async () => {
    const asked: string[] = [];
    const client = new PhonebarClient(base, async (url) => {
      asked.push(url);
      return new Response(JSON.stringify(url.includes('originate') ? { sessionId: 's-4', status: 4 } : []));
    });
    expect(await client.calls()).toEqual([]);
    expect(await client.originate('0612345678')).toEqual({ sessionId: 's-4' });
    await client.answer('s-4');
    await client.hangup();
    expect(asked).toEqual([
      `${base}/api/calls`,
      `${base}/api/originate/0612345678`,
      `${base}/api/answer/s-4`,
      `${base}/api/hangup`,
    ]);
  });

  it('says the Phonebar did not answer when it is not running', async () => {
    const client = new PhonebarClient(base, async () => {
      throw new TypeError('fetch failed');
    });
    await expect(client.calls()).rejects.toThrow(
      'The xCALLY Phonebar at http://127.0.0.1:9888 did not answer; is it running?',
    );
  });

  it('says so when it is too slow', async () => {
    const client = new PhonebarClient(
      base,
      (_url, init) =>
        new Promise((_resolve, reject) =>
          init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
        ),
      20,
    );
    await expect(client.answer()).rejects.toThrow(/did not answer within 0 s; is it running\?/);
  });

  it('passes on what the Phonebar refused, and why', async () => {
    const client = new PhonebarClient(
      base,
      async () => new Response('{"error":"no call s-9"}', { status: 404 }),
    );
    await expect(client.hangup('s-9')).rejects.toThrow(
      'The xCALLY Phonebar at http://127.0.0.1:9888 refused to hang up the call: HTTP 404 ({"error":"no call s-9"}).',
    );
    const odd = new PhonebarClient(base, async () => new Response('<html>'));
    await expect(odd.calls()).rejects.toThrow(/answered \/api\/calls with something that is not a call list/);
  });
});
