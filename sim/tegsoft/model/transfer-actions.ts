import { isAnswered, outboundProps, type SimCall } from './call';
import { cancelTransfer, endCall, hold, scheduleFarAnswer, unhold } from './call-ops';
import { type ActionHandler, text } from './handler';
import { newSession, STATUS_MESSAGE } from './session';

/**
 * ASSUMPTION: the transfer events carry the transferred call's payload with the target as a top-level
 * `extension`; after a transfer the agent's leg ends with the call's usual hangup events.
 */
export const transferActions: Record<string, ActionHandler> = {
  blindTransfer(desk, data) {
    const extension = text(data, 'extension');
    if (!extension) return 'data.extension is missing';
    const call = desk.activeCall();
    if (!call || !isAnswered(call)) return 'no answered call to transfer';
    if (desk.agent.transfer) return 'an attended transfer is in progress';
    desk.emitCall('OnBlindTransferInitialized', call, { extension });
    desk.emitCall('OnBlindTransferCompleted', call, { extension });
    endCall(desk, call);
    return undefined;
  },

  /**
   * The caller goes on hold (no OnHold: OnAttendedTransferInitialized says it) and the secondary line
   * calls the extension; the consultation target answers when the control API says so.
   */
  attendedTransfer(desk, data) {
    const extension = text(data, 'extension');
    if (!extension) return 'data.extension is missing';
    const call = desk.activeCall();
    if (!call || !isAnswered(call)) return 'no answered call to transfer';
    if (desk.agent.transfer) return 'an attended transfer is already in progress';
    const line = desk.freeLine();
    if (!line) return 'both lines are in use';
    hold(desk, call, false);
    const now = desk.now();
    const { ids } = desk.env;
    const id = ids.uniqueId(now);
    const consult: SimCall = {
      id,
      kind: 'consult',
      queued: false,
      slot: line,
      session: { ...newSession(now, extension, STATUS_MESSAGE.alerting), ringing: true },
      props: outboundProps({ user: desk.agent.user, callId: id, contId: ids.uuid() }, extension),
      dtmf: '',
      carriesCti: false,
    };
    desk.add(consult);
    desk.agent.transfer = { originalId: call.id, consultId: id, extension };
    desk.agent.activeLine = line;
    desk.emitCall('OnAttendedTransferInitialized', call, { extension });
    desk.status();
    scheduleFarAnswer(desk, consult);
    return undefined;
  },

  /** ASSUMPTION: completing while the target still rings is allowed (the call rings on to it). */
  completeAttendedTransfer(desk) {
    const transfer = desk.agent.transfer;
    const original = transfer && desk.byId(transfer.originalId);
    if (!transfer || !original) return 'no attended transfer in progress';
    desk.emitCall('OnAttendedTransferCompleted', original, { extension: transfer.extension });
    const consult = desk.byId(transfer.consultId);
    if (consult) {
      desk.finish(consult);
      desk.remove(consult);
    }
    endCall(desk, original);
    return undefined;
  },

  cancelAttendedTransfer(desk) {
    if (!desk.agent.transfer) return 'no attended transfer in progress';
    cancelTransfer(desk);
    return undefined;
  },

  /**
   * Switches the agent between the two lines, holding the one they leave. During an attended transfer
   * that is talking to the caller (primary) or the target (secondary).
   */
  changeActiveLine(desk) {
    const primary = desk.line('primary');
    const secondary = desk.line('secondary');
    if (!primary || !secondary) return 'only one line is in use';
    const current = desk.activeCall() ?? primary;
    const other = current === primary ? secondary : primary;
    if (!isAnswered(other)) return 'the other line has not been answered';
    const transfer = desk.agent.transfer;
    if (isAnswered(current) && !current.session.held) hold(desk, current, !transfer);
    unhold(desk, other, !transfer);
    desk.agent.activeLine = other.slot === 'secondary' ? 'secondary' : 'primary';
    const original = transfer && desk.byId(transfer.originalId);
    if (transfer && original) {
      const name =
        other.slot === 'primary'
          ? 'OnAttendedTransferSwitchToPrimarySession'
          : 'OnAttendedTransferSwitchToSecondarySession';
      desk.emitCall(name, original, { extension: transfer.extension });
    }
    desk.status();
    return undefined;
  },
};
