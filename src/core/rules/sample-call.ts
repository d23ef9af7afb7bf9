import type { Call } from '../call';

/** A made-up inbound call for previewing rules in the options page ("Test rule"). */
export function sampleCall(overrides: Partial<Call> = {}): Call {
  return {
    id: 'sample-call-1',
    vendorCallIds: ['4711'],
    direction: 'inbound',
    media: 'voice',
    state: 'ringing',
    remoteNumber: '+44 20 7946 0018',
    remoteE164: '+442079460018',
    remoteDisplay: '+44 20 7946 0018',
    remoteNational: '020 7946 0018',
    remoteName: 'Olivia Bennett',
    queue: 'Support',
    createdAt: Date.UTC(2026, 0, 15, 9, 30),
    muted: false,
    dtmf: '',
    vendorData: { customerId: 'C-1042', priority: 'gold' },
    ...overrides,
  };
}
