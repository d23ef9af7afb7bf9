import { describe, expect, it } from 'vitest';
import type { VendorCommand } from '../../../src/core/commands';
import { actionsFor } from '../../../src/vendors/tegsoft/actions';
import { CTI_SAMPLE } from './samples';

const context = { notReadyReasons: ['LUNCH', 'BREAK'] };
const on = (command: VendorCommand) => actionsFor(command, context);
const id = 'c1';

describe('commands as the document writes the actions', () => {
  it.each<[VendorCommand, unknown]>([
    [
      { type: 'answer', vendorCallId: id },
      { type: 'action', group: 'agent', name: 'answer' },
    ],
    [
      { type: 'hangup', vendorCallId: id },
      { type: 'action', group: 'agent', name: 'hangUp' },
    ],
    // The document has no reject: declining is hangUp on the ringing call.
    [
      { type: 'reject', vendorCallId: id },
      { type: 'action', group: 'agent', name: 'hangUp' },
    ],
    [
      { type: 'hold', vendorCallId: id },
      { type: 'action', group: 'agent', name: 'hold' },
    ],
    [
      { type: 'resume', vendorCallId: id },
      { type: 'action', group: 'agent', name: 'unhold' },
    ],
    [
      { type: 'mute', vendorCallId: id },
      { type: 'action', group: 'agent', name: 'mute' },
    ],
    [
      { type: 'unmute', vendorCallId: id },
      { type: 'action', group: 'agent', name: 'unmute' },
    ],
    [
      { type: 'blindTransfer', vendorCallId: id, target: '1003' },
      { type: 'action', group: 'agent', name: 'blindTransfer', data: { extension: '1003' } },
    ],
    [
      { type: 'attendedTransfer', vendorCallId: id, target: '1003' },
      { type: 'action', group: 'agent', name: 'attendedTransfer', data: { extension: '1003' } },
    ],
    [
      { type: 'completeTransfer', vendorCallId: id },
      { type: 'action', group: 'agent', name: 'completeAttendedTransfer' },
    ],
    [
      { type: 'cancelTransfer', vendorCallId: id },
      { type: 'action', group: 'agent', name: 'cancelAttendedTransfer' },
    ],
    [
      { type: 'switchLine', vendorCallId: id },
      { type: 'action', group: 'agent', name: 'changeActiveLine' },
    ],
    [
      { type: 'camera', vendorCallId: id, action: 'on' },
      { type: 'action', group: 'agent', name: 'turnOnCamera' },
    ],
    // Spelt as the document spells it.
    [
      { type: 'camera', vendorCallId: id, action: 'off' },
      { type: 'action', group: 'agent', name: 'turnOfCamera' },
    ],
    [
      { type: 'camera', vendorCallId: id, action: 'toggle' },
      { type: 'action', group: 'agent', name: 'toggleCamera' },
    ],
    [
      { type: 'clearCallData', vendorCallId: id },
      { type: 'action', group: 'agent', name: 'removeCtiData' },
    ],
    [
      { type: 'setAgentState', state: 'ready' },
      { type: 'action', group: 'agent', name: 'ready' },
    ],
    [
      { type: 'setAgentState', state: 'offline' },
      { type: 'action', group: 'agent', name: 'logout' },
    ],
    [
      { type: 'setAgentState', state: 'notReady', reason: 'LUNCH' },
      { type: 'action', group: 'agent', name: 'notReady', data: { reason: 'LUNCH' } },
    ],
    [
      { type: 'setAgentState', state: 'notReady' },
      { type: 'action', group: 'agent', name: 'notReady' },
    ],
  ])('%j', (command, payload) => {
    expect(on(command)).toEqual([payload]);
  });

  it('dials the cleaned number ("Click to Call Action")', () => {
    expect(on({ type: 'dial', number: ' +44 (20) 7946-0958 ' })).toEqual([
      { type: 'action', group: 'agent', name: 'dial', data: { numberToDial: '+442079460958' } },
    ]);
  });

  it('dials with CTI data ("Click to Call with CTI Data Action")', () => {
    expect(on({ type: 'dial', number: '1234567890', callData: CTI_SAMPLE.variables })).toEqual([
      {
        type: 'action',
        group: 'agent',
        name: 'dial',
        data: { numberToDial: '1234567890', ctiData: { variables: CTI_SAMPLE.variables } },
      },
    ]);
  });

  it('refuses what is not a number, or carries an extension', () => {
    expect(() => on({ type: 'dial', number: 'call me maybe' })).toThrow(
      '"call me maybe" is not a phone number: use digits, an optional leading + and * or #.',
    );
    expect(() => on({ type: 'dial', number: '+44 20 7946 0958;ext=12' })).toThrow(
      /dial \+442079460958, then send the extension as tones/,
    );
    expect(() => on({ type: 'blindTransfer', vendorCallId: id, target: 'reception' })).toThrow(
      '"reception" is not an extension or number to transfer to.',
    );
  });

  it('sends tones one digit per action, as the sample sends one ("dtmf": "2")', () => {
    expect(on({ type: 'dtmf', vendorCallId: id, digits: '12#' })).toEqual(
      ['1', '2', '#'].map((dtmf) => ({ type: 'action', group: 'agent', name: 'sendDTMF', data: { dtmf } })),
    );
    expect(() => on({ type: 'dtmf', vendorCallId: id, digits: '1a' })).toThrow(/not tones/);
  });

  it('sets call data merged into what the call has ("Set CTI Data Action")', () => {
    const actions = actionsFor(
      { type: 'setCallData', vendorCallId: id, variables: { sample3: 'new', extra: 'x' } },
      { ...context, cti: CTI_SAMPLE },
    );
    expect(actions).toEqual([
      {
        type: 'action',
        group: 'agent',
        name: 'setCtiData',
        data: {
          ctiData: {
            variables: { ...CTI_SAMPLE.variables, sample3: 'new', extra: 'x' },
            ctiVariableNames: ['sample1', 'sample2'],
            logDTMF: ['OPTION1: valueOPT1', 'OPTION2: valueOPT2'],
          },
        },
      },
    ]);
    expect(on({ type: 'setCallData', vendorCallId: id, variables: { a: '1' } })[0]!.data).toEqual({
      ctiData: { variables: { a: '1' }, ctiVariableNames: [], logDTMF: [] },
    });
  });

  it('refuses a reason the profile does not offer, and states that take none', () => {
    expect(() => on({ type: 'setAgentState', state: 'notReady', reason: 'NAP' })).toThrow(
      '"NAP" is not a not-ready reason of this profile; use one of: LUNCH, BREAK.',
    );
    expect(() => on({ type: 'setAgentState', state: 'ready', reason: 'LUNCH' })).toThrow(/Only "Not ready"/);
    expect(() => on({ type: 'setAgentState', state: 'afterCallWork' })).toThrow(/cannot be chosen/);
  });
});
