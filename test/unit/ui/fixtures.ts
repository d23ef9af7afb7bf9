import type { Call } from '../../../src/core/call';
import type { Capabilities } from '../../../src/core/capabilities';
import type { AccountCodeRequest, AgentDesk, QueueMembership } from '../../../src/core/desk';
import type { HubState } from '../../../src/core/hub-state';
import { formatForDisplay } from '../../../src/core/phone/number';

export const NOW = Date.UTC(2025, 0, 15, 10, 0, 0);

export const FULL_CAPS: Capabilities = {
  dial: true,
  answer: true,
  reject: true,
  hangup: true,
  hold: true,
  mute: true,
  dtmf: true,
  blindTransfer: true,
  attendedTransfer: true,
  agentStates: ['ready', 'notReady', 'offline'],
  notReadyReasons: [
    { id: 'break', label: 'Break' },
    { id: 'lunch', label: 'Lunch' },
  ],
  setCallData: false,
  chat: false,
  video: false,
  switchLine: false,
  vendorScreen: false,
  queues: false,
  pairing: false,
  accountCodes: false,
};

export function makeCall(overrides: Partial<Call> = {}): Call {
  // The hub formats numbers for display; these fixtures stand in for it.
  const number = overrides.remoteE164 ?? overrides.remoteNumber ?? '+442079460958';
  return {
    remoteDisplay: formatForDisplay(number),
    id: 'call-1',
    vendorCallIds: ['v-1'],
    direction: 'inbound',
    media: 'voice',
    state: 'connected',
    remoteNumber: '+442079460958',
    remoteE164: '+442079460958',
    createdAt: NOW - 60_000,
    answeredAt: NOW - 30_000,
    muted: false,
    dtmf: '',
    vendorData: {},
    ...overrides,
  };
}

export function makeState(overrides: Partial<HubState> = {}): HubState {
  return {
    session: { profileId: 'demo', vendorId: 'demo', label: 'Demo PBX' },
    connection: { status: 'connected', since: NOW - 600_000 },
    capabilities: FULL_CAPS,
    agent: { kind: 'ready', since: NOW - 125_000 },
    calls: [],
    recent: [],
    notices: [],
    wrapUp: [],
    desk: { queues: [], accountCodes: [] },
    ...overrides,
  };
}

/** A vendor with a desk (UCS): queues, phone pairing and account codes on top of FULL_CAPS. */
export const DESK_CAPS: Capabilities = { ...FULL_CAPS, queues: true, pairing: true, accountCodes: true };

export function makeDesk(overrides: Partial<AgentDesk> = {}): AgentDesk {
  return { queues: [], accountCodes: [], ...overrides };
}

export function makeQueue(overrides: Partial<QueueMembership> = {}): QueueMembership {
  return { id: '7', name: 'Support', direction: 'inbound', active: true, ...overrides };
}

export function makeAccountCodeRequest(overrides: Partial<AccountCodeRequest> = {}): AccountCodeRequest {
  return {
    id: 'u-1',
    remoteNumber: '+442079460958',
    endedAt: NOW - 5_000,
    reasons: [
      { id: 'sales', label: 'Sales' },
      { id: 'support', label: 'Support' },
    ],
    ...overrides,
  };
}
