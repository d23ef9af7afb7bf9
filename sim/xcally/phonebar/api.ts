import { SimControlError } from '../../shared/control-error';
import type { Call } from '../model/call';
import type { CallCenter } from '../model/call-center';
import { originate } from '../model/outbound-calls';
import { hangupCall, holdCall } from '../model/phone';
import { answerCall } from '../model/queue-calls';
import { phonebarCall } from './status';

/** An API answer: HTTP status and JSON body. */
export type ApiAnswer = readonly [number, unknown];

const notFound = (what: string): ApiAnswer => [404, { error: what }];

/** The call with this session id on the agent's phone, if any. */
function bySession(center: CallCenter, peer: string, sessionId: string): Call | undefined {
  return center.onPhone(peer).find((call) => call.sessionId === sessionId);
}

/** Runs a call operation; a call in the wrong state answers 409. */
function attempt(work: () => ApiAnswer): ApiAnswer {
  try {
    return work();
  } catch (error) {
    if (error instanceof SimControlError) return [409, { error: error.message }];
    throw error;
  }
}

/** Hangs a call up as the agent; answers it as it was just before, now TERMINATED. */
function hangUp(center: CallCenter, call: Call) {
  const shown = phonebarCall(call, 'TERMINATED');
  hangupCall(center, call, 'agent');
  return shown;
}

/**
 * The Phonebar API of the agent `peer` on the shared call state. `route` is the path's first part after
 * `/api/`, `id` the rest (a session id or, for originate, the number).
 */
export function phonebarApi(center: CallCenter, peer: string, route: string, id: string | null): ApiAnswer {
  const calls = center.onPhone(peer);
  switch (route) {
    case 'calls':
      return id === null
        ? [200, calls.map((call) => phonebarCall(call))]
        : notFound(`no route /api/calls/${id}`);
    case 'answer': {
      const call =
        id === null ? calls.find((candidate) => candidate.state === 'ringing') : bySession(center, peer, id);
      if (!call) return notFound(id === null ? 'no incoming call' : `no call ${id}`);
      return attempt(() => {
        answerCall(center, call);
        return [200, phonebarCall(call)];
      });
    }
    case 'originate':
      if (id === null || id.trim() === '') return [400, { error: 'the number is mandatory' }];
      return attempt(() => [200, phonebarCall(originate(center, { peer, number: id }))]);
    case 'hangup': {
      if (id === null) return [200, calls.map((call) => hangUp(center, call))];
      const call = bySession(center, peer, id);
      return call ? [200, hangUp(center, call)] : notFound(`no call ${id}`);
    }
    case 'hold': {
      // ASSUMPTION: the Universal Bar documents `/api/hold[/{id}]` and no unhold; it toggles here.
      const call =
        id === null ? calls.find((candidate) => candidate.state === 'up') : bySession(center, peer, id);
      if (!call) return notFound(id === null ? 'no active call' : `no call ${id}`);
      return attempt(() => {
        holdCall(call, !call.held);
        return [200, phonebarCall(call)];
      });
    }
    default:
      return notFound(`no route /api/${route}`);
  }
}
