/**
 * The data samples of xcally-shuttle-cti.txt, in the document's field order. The wiki export merged the
 * old and new values of the `ringing` and `up` samples ('JohnAndrea DoeBianco', 'CC-SIPPSupport',
 * '14370692641599601698.91494'); these are the new values, which the clean `hangup` sample confirms.
 */

export const RINGING_SAMPLE = {
  event: 'ringing',
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
  ringing: true,
  sipname: 'andrea.bianco',
  channel: 'SIP/telephone-0000005e',
};

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
};

export const UP_SAMPLE = {
  event: 'up',
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
  up: true,
  sipname: 'andrea.bianco',
  channel: 'SIP/telephone-0000005e',
};

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
};

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
};

/** The sample's field names, in order, less those the `minimal` field set drops. */
export function minimalKeys(sample: Record<string, unknown>): string[] {
  return Object.keys(sample).filter((key) => !['callername', 'sipname', 'channel'].includes(key));
}
