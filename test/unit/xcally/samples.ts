/** The data samples of `xcally-shuttle-cti.txt`, exactly as the document prints them. */

export const RINGING_SAMPLE = {
  event: 'ringing',
  queue: 'CC-SIPPSupport',
  agentname: 'JohnAndrea DoeBianco',
  agentnum: '10071000',
  peer: 'SIP/johnandrea.doebianco',
  direction: 'inbound',
  uniqueid: '14370692641599601698.91494',
  context: 'from-sip',
  extension: '99996000',
  trunk: 'SIP/demo.trunktelephone-000003920000005e',
  callernum: '9981003',
  callername: 'telephone',
  ringing: true,
  sipname: 'andrea.bianco',
  channel: 'SIP/telephone-0000005e',
} as const;

export const ABANDON_SAMPLE = {
  event: 'abandon',
  queue: 'Support',
  direction: 'unmanaged',
  uniqueid: '1599601824.96',
  callernum: '1003',
  callername: 'telephone',
  channel: 'SIP/telephone-00000060',
  holdtime: '4',
  unmanaged: true,
} as const;

export const UP_SAMPLE = {
  event: 'up',
  queue: 'CC-SIPPSupport',
  agentname: 'JohnAndrea DoeBianco',
  agentnum: '10071000',
  peer: 'SIP/johnandrea.doebianco',
  direction: 'inbound',
  uniqueid: '14370692641599601698.91494',
  context: 'from-sip',
  extension: '99996000',
  trunk: 'SIP/demo.trunktelephone-000003920000005e',
  callernum: '9981003',
  callername: 'telephone',
  holdtime: '2',
  ringtime: '0',
  up: true,
  sipname: 'andrea.bianco',
  channel: 'SIP/telephone-0000005e',
} as const;

export const HANGUP_SAMPLE = {
  event: 'hangup',
  queue: 'Support',
  agentname: 'Andrea Bianco',
  agentnum: '1000',
  peer: 'SIP/andrea.bianco',
  direction: 'inbound',
  uniqueid: '1599601698.94',
  context: 'from-sip',
  extension: '6000',
  trunk: 'SIP/telephone-0000005e',
  callernum: '1003',
  callername: 'telephone',
  holdtime: '2',
  ringtime: '0',
  talktime: '2',
  reason: 'agent',
  hangup: true,
  sipname: 'andrea.bianco',
  channel: 'SIP/telephone-0000005e',
} as const;

export const OUTBOUND_SAMPLE = {
  event: 'outbound',
  integrationid: '-1',
  routeid: '1',
  agentname: 'Andrea Bianco',
  agentnum: '1800800800',
  direction: 'outbound',
  uniqueid: '1599601871.98',
  context: 'from-sip',
  extension: '3925926421',
  trunk: 'SIP/123456789@Demo Trunk',
  callernum: '123456789',
  channel: 'SIP/andrea.bianco-00000062',
  peer: 'SIP/andrea.bianco',
  outbound: true,
  sipname: 'andrea.bianco',
} as const;

/** The fields an older Shuttle leaves out. */
const MINIMAL_OMITTED = ['callername', 'sipname', 'channel'];

/** A sample without callername, sipname and channel. */
export function minimal<T extends Record<string, unknown>>(sample: T): Record<string, unknown> {
  return Object.fromEntries(Object.entries(sample).filter(([key]) => !MINIMAL_OMITTED.includes(key)));
}

/** The agent of the hangup and outbound samples (the ringing and up samples' peer is garbled). */
export const ANDREA = 'SIP/andrea.bianco';

/** A consistent queue call of Andrea's: ringing, up and hangup with one uniqueid. */
export function queueCall(uniqueid = '1599601698.94', extra: Record<string, unknown> = {}) {
  const common = { ...HANGUP_SAMPLE, uniqueid, ...extra };
  const { talktime: _t, reason: _r, hangup: _h, holdtime: _hold, ringtime: _ring, ...base } = common;
  return {
    ringing: { ...base, event: 'ringing', ringing: true },
    up: { ...base, event: 'up', holdtime: '2', ringtime: '0', up: true },
    hangup: (reason = 'agent') => ({ ...common, event: 'hangup', reason }),
  };
}
