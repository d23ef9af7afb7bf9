import type { AgentStatus } from '../protocol';

/** A UCS user the simulator knows. */
export interface UcsUserSpec {
  /** Login name. */
  readonly username: string;
  /** Password for `login`; SSO needs none. */
  readonly password: string;
  /** User ID (primary key). */
  readonly id: number;
  /** First name. */
  readonly firstname: string;
  /** Surname. */
  readonly lastname: string;
  /** Email address. */
  readonly email: string;
  /** UCS group. */
  readonly group_id: number;
  /** Locale. */
  readonly locale: string;
  /** IDs of the queues the user is a member of. */
  readonly queues: readonly number[];
}

/** A phone (device) that can be paired by its identifier. */
export interface UcsDeviceSpec {
  /** The identifier entered in UCS on the device. */
  readonly identifier: string;
  /** Line ID. */
  readonly line_id: number;
  /** Extension number. */
  readonly extension: string;
  /** Display name. */
  readonly name: string;
}

/** A queue. */
export interface UcsQueueSpec {
  /** Queue ID. */
  readonly queue_id: number;
  /** Display name. */
  readonly name: string;
  /** 0 outgoing, 1 incoming. */
  readonly type: 0 | 1;
  /**
   * After-call work in seconds: an agent whose incoming call from this queue ends after being
   * connected is ACW for this long, then READY. Default 0: no after-call work.
   */
  readonly acwSeconds?: number;
}

// ASSUMPTION: sample data in the document's Czech setting (ucs.zakaznik.cz); none is given.
/** The default users. */
export const DEFAULT_USERS: readonly UcsUserSpec[] = [
  {
    username: 'jan.novak',
    password: 'heslo123',
    id: 1,
    firstname: 'Jan',
    lastname: 'Novák',
    email: 'jan.novak@zakaznik.cz',
    group_id: 1,
    locale: 'cs',
    queues: [1, 2],
  },
  {
    username: 'eva.svobodova',
    password: 'heslo456',
    id: 2,
    firstname: 'Eva',
    lastname: 'Svobodová',
    email: 'eva.svobodova@zakaznik.cz',
    group_id: 1,
    locale: 'cs',
    queues: [1],
  },
];

/** The default phones. */
export const DEFAULT_DEVICES: readonly UcsDeviceSpec[] = [
  { identifier: 'pc101', line_id: 101, extension: '101', name: 'Linka 101' },
  { identifier: 'pc102', line_id: 102, extension: '102', name: 'Linka 102' },
];

/** The default queues. */
export const DEFAULT_QUEUES: readonly UcsQueueSpec[] = [
  { queue_id: 1, name: 'Podpora', type: 1 },
  { queue_id: 2, name: 'Kampaň', type: 0 },
];

/** The default AUX reasons (onReady auxReasons). ASSUMPTION: a name → label map. */
export const DEFAULT_AUX_REASONS: Readonly<Record<string, string>> = { Lunch: 'Oběd', Meeting: 'Porada' };

/** The default call reasons (onReady callReasons). ASSUMPTION: a code → label map. */
export const DEFAULT_CALL_REASONS: Readonly<Record<string, string>> = { SALE: 'Prodej', INFO: 'Informace' };

/** The documented User object for `spec` at `status`. */
export function userObject(spec: UcsUserSpec, status: AgentStatus, device: UcsDeviceSpec | null) {
  return {
    acwtime: 0,
    auxtime: 0,
    auxtimes: {},
    data: {},
    displayname: `${spec.firstname} ${spec.lastname}`,
    email: spec.email,
    external_id: '',
    firstname: spec.firstname,
    group_id: spec.group_id,
    id: spec.id,
    idletime: 0,
    in_calls_answered: 0,
    in_calls_unanswered: 0,
    in_ringtime: 0,
    in_talktime: 0,
    lastname: spec.lastname,
    lines: device ? [deviceObject(device)] : [],
    locale: spec.locale,
    number: '',
    out_calls_answered: 0,
    out_calls_unanswered: 0,
    out_ringtime: 0,
    out_talktime: 0,
    primary_extension: device ? device.line_id : 0,
    queues: {},
    readytime: 0,
    ringtime: 0,
    status,
    superuser: false,
    talktime: 0,
    transferred: 0,
    transferred_external: 0,
  };
}

/** The device object onDevice passes. ASSUMPTION: the document does not list its fields. */
export function deviceObject(device: UcsDeviceSpec) {
  return { ...device };
}

/**
 * One entry of onReady's `queues` ("available queues"). ASSUMPTION: the document does not describe
 * it; the simulator gives every queue of the UCS as `{ queue_id, name, type }` (the membership
 * details, e.g. `suspended`, are in the User object's `queues`).
 */
export function availableQueueObject(queue: UcsQueueSpec) {
  return { queue_id: queue.queue_id, name: queue.name, type: queue.type };
}

/** The documented Queue object for an agent's membership. */
export function queueObject(queue: UcsQueueSpec, suspended: boolean) {
  return {
    answered: 0,
    priorities: 0,
    queue_id: queue.queue_id,
    ringtime: 0,
    supervisor: false,
    suspended,
    suspendtime: 0,
    talktime: 0,
    team_id: 1,
    transferred: 0,
    transferred_external: 0,
    type: queue.type,
    unanswered: 0,
  };
}
