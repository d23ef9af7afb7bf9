import { isAnswered, outboundProps, type SimCall } from './call';
import { cancelTransfer, endCall, hold, markAnswered, scheduleFarAnswer, unhold } from './call-ops';
import { applyCti, parseCtiData } from './cti';
import type { Desk } from './desk';
import { type ActionHandler, text } from './handler';
import { newSession, STATUS_MESSAGE } from './session';

/** The call `answer` picks up: a ringing second line first (the one the agent is looking at), then a chat. */
function offered(desk: Desk): SimCall | undefined {
  return [desk.line('secondary'), desk.line('primary'), desk.chat()].find(
    (call) => call !== undefined && (call.kind === 'inbound' || call.kind === 'webchat') && !isAnswered(call),
  );
}

/** The answered phone call on the active line. */
function talking(desk: Desk): SimCall | undefined {
  const call = desk.activeCall();
  return call && isAnswered(call) ? call : undefined;
}

/** The call actions: dial, answer, hangUp, mute / unmute, hold / unhold, sendDTMF. */
export const callActions: Record<string, ActionHandler> = {
  /**
   * ASSUMPTION: the widget strips spaces, dots, dashes and parentheses and refuses anything else that
   * is not digits, a leading +, * or #. ASSUMPTION: dialing while a phone call is up is refused (a
   * consultation is attendedTransfer's job). ASSUMPTION: the far end answers only when the control API
   * says so, or after the configured answer delay; it never times out by itself.
   */
  dial(desk, data) {
    const raw = text(data, 'numberToDial');
    if (!raw) return 'data.numberToDial is missing';
    const number = raw.replace(/[\s().-]/g, '');
    if (!/^\+?[0-9*#]+$/.test(number)) return `"${raw}" is not a phone number`;
    if (desk.line('primary')) return 'a call is already up';
    const now = desk.now();
    const { ids } = desk.env;
    const id = ids.uniqueId(now);
    const call: SimCall = {
      id,
      kind: 'outbound',
      queued: false,
      slot: 'primary',
      session: newSession(now, number, STATUS_MESSAGE.dialing),
      props: outboundProps({ user: desk.agent.user, callId: id, contId: ids.uuid() }, number),
      dtmf: '',
      carriesCti: false,
    };
    const cti = data.ctiData === undefined ? desk.agent.ctiData : parseCtiData(data.ctiData);
    if (cti) {
      desk.agent.ctiData = cti;
      applyCti(call.props, cti);
      call.carriesCti = true;
    }
    desk.add(call);
    desk.agent.activeLine = 'primary';
    desk.agent.counters.OUTBOUND += 1;
    desk.agent.counters.TOTALCALLCOUNT += 1;
    desk.emitCall('OnOutgoingCallInitialized', call);
    call.session.ringing = true;
    call.session.statusMessage = STATUS_MESSAGE.alerting;
    desk.emitCall('OnOutgoingCallRinging', call);
    desk.status();
    scheduleFarAnswer(desk, call);
    return undefined;
  },

  /** ASSUMPTION: answering a second line holds the first (with its OnHold) and makes the second active. */
  answer(desk) {
    const call = offered(desk);
    if (!call) return 'nothing is ringing';
    markAnswered(desk, call);
    if (call.slot === 'chat') {
      desk.emitCall('OnWebchatAgentConnect', call);
      desk.status();
      return undefined;
    }
    const other = desk.line(call.slot === 'primary' ? 'secondary' : 'primary');
    if (other && isAnswered(other) && !other.session.held) hold(desk, other);
    desk.agent.counters.ANSWERED += 1;
    desk.agent.activeLine = call.slot;
    desk.emitCall('OnIncomingCallAnswered', call);
    if (call.queued) desk.emitCall('OnInboundAgentConnect', call);
    desk.status();
    return undefined;
  },

  /**
   * ASSUMPTION: hangUp ends the active line's call (a ringing one is declined), else the webchat; on the
   * consultation leg it cancels the attended transfer.
   */
  hangUp(desk) {
    const call = desk.activeCall() ?? desk.chat();
    if (!call) return 'no call to hang up';
    if (call.kind === 'consult' && desk.agent.transfer?.consultId === call.id) cancelTransfer(desk);
    else endCall(desk, call);
    return undefined;
  },

  mute(desk) {
    const call = talking(desk);
    if (!call) return 'no answered call to mute';
    if (call.session.muted) return 'already muted';
    call.session.muted = true;
    desk.emitCall('OnMute', call);
    desk.status();
    return undefined;
  },

  unmute(desk) {
    const call = talking(desk);
    if (!call) return 'no answered call to unmute';
    if (!call.session.muted) return 'not muted';
    call.session.muted = false;
    desk.emitCall('OnUnmute', call);
    desk.status();
    return undefined;
  },

  hold(desk) {
    const call = talking(desk);
    if (!call) return 'no answered call to hold';
    if (call.session.held) return 'already on hold';
    hold(desk, call);
    desk.status();
    return undefined;
  },

  /** ASSUMPTION: resuming a call holds the other line's call first, so the agent talks to one party. */
  unhold(desk) {
    const call = talking(desk);
    if (!call) return 'no answered call to resume';
    if (!call.session.held) return 'not on hold';
    const other = desk.line(call.slot === 'primary' ? 'secondary' : 'primary');
    if (other && isAnswered(other) && !other.session.held) hold(desk, other);
    unhold(desk, call);
    desk.status();
    return undefined;
  },

  /** ASSUMPTION: the document has no DTMF event; the digits are recorded and a status follows. */
  sendDTMF(desk, data) {
    const digits = text(data, 'dtmf');
    if (!digits || !/^[0-9*#A-Da-d]+$/.test(digits)) return 'data.dtmf is not DTMF digits';
    const call = talking(desk);
    if (!call) return 'no answered call to send tones on';
    call.dtmf += digits;
    desk.status();
    return undefined;
  },
};
