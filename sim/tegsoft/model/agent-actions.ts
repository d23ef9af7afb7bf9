import { CTI_DATA_EVENT } from '../protocol';
import { setReadiness } from './agent';
import { setAgentCti } from './call-ops';
import { parseCtiData } from './cti';
import { type ActionHandler, text } from './handler';

/**
 * ASSUMPTION: a notReady without a reason uses "DEFAULT" (the `REASON` value of every sample).
 * ASSUMPTION: logging out with a call or chat up is refused; the agent must end it first.
 * ASSUMPTION: the document has no camera or CTI-data events: those actions answer with a status (and
 * getCtiData with the `ctiData` event). Only the document's spelling `turnOfCamera` exists.
 */
export const agentActions: Record<string, ActionHandler> = {
  logout(desk) {
    if (desk.agent.calls.length > 0) return 'a call is in progress';
    desk.logout();
    return undefined;
  },

  ready(desk) {
    if (desk.agent.ready) return 'already ready';
    setReadiness(desk.agent, true, '', desk.now());
    desk.emitAgent('OnReady');
    desk.status();
    return undefined;
  },

  notReady(desk, data) {
    const reason = text(data, 'reason') ?? 'DEFAULT';
    if (!desk.agent.ready && desk.agent.notReadyReason === reason) return `already not ready (${reason})`;
    setReadiness(desk.agent, false, reason, desk.now());
    desk.emitAgent('OnNotready');
    desk.status();
    return undefined;
  },

  turnOnCamera(desk) {
    if (desk.agent.cameraOn) return 'the camera is already on';
    desk.agent.cameraOn = true;
    desk.status();
    return undefined;
  },

  turnOfCamera(desk) {
    if (!desk.agent.cameraOn) return 'the camera is already off';
    desk.agent.cameraOn = false;
    desk.status();
    return undefined;
  },

  toggleCamera(desk) {
    desk.agent.cameraOn = !desk.agent.cameraOn;
    desk.status();
    return undefined;
  },

  /**
   * ASSUMPTION: CTI data goes on the active call at once, or on the next call when there is none, and
   * is dropped when that call ends.
   */
  setCtiData(desk, data) {
    const cti = parseCtiData(data.ctiData);
    if (!cti) return 'data.ctiData is missing';
    setAgentCti(desk, cti);
    desk.status();
    return undefined;
  },

  /** ASSUMPTION: removal forgets the data for the next calls; a call keeps the properties it was given. */
  removeCtiData(desk) {
    if (!desk.agent.ctiData) return 'no CTI data is set';
    desk.agent.ctiData = null;
    for (const call of desk.agent.calls) call.carriesCti = false;
    desk.status();
    return undefined;
  },

  getCtiData(desk) {
    desk.emit(CTI_DATA_EVENT, { ctiData: desk.agent.ctiData ? structuredClone(desk.agent.ctiData) : null });
    return undefined;
  },

  queryStatus(desk) {
    desk.status();
    return undefined;
  },
};
