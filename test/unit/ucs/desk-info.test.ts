import { describe, expect, it } from 'vitest';
import { phoneOf, phonesOf, queuesOf, reasonsOf } from '../../../src/vendors/ucs/desk-info';
import { allowedIn, wrongPhaseMessage } from '../../../src/vendors/ucs/methods';

describe('UCS desk objects', () => {
  it('reads reasons as maps or lists, keeping the server order and dropping duplicates', () => {
    expect(reasonsOf({ Lunch: 'Oběd', Meeting: { name: 'Porada' } })).toEqual([
      { id: 'Lunch', label: 'Oběd' },
      { id: 'Meeting', label: 'Porada' },
    ]);
    expect(reasonsOf(['Lunch', { code: 'SALE', label: 'Prodej' }, 'Lunch', 7])).toEqual([
      { id: 'Lunch', label: 'Lunch' },
      { id: 'SALE', label: 'Prodej' },
      { id: '7', label: '7' },
    ]);
    expect(reasonsOf(undefined)).toEqual([]);
    expect(reasonsOf('Lunch')).toEqual([]);
  });

  it('reads memberships from user.queues with names from the available queues', () => {
    const state = {
      queues: { 1: { queue_id: 1, name: 'Podpora', type: 1 }, 2: { queue_id: 2, name: 'Kampaň', type: 0 } },
      user: {
        queues: {
          1: { queue_id: 1, suspended: true, type: 1 },
          2: { queue_id: 2, suspended: false, type: 0 },
          9: {},
        },
      },
    };
    expect(queuesOf(state)).toEqual([
      { id: '1', name: 'Podpora', direction: 'inbound', active: false },
      { id: '2', name: 'Kampaň', direction: 'outbound', active: true },
      { id: '9', name: 'Queue 9', direction: 'inbound', active: true },
    ]);
    // No memberships: the available queues, all served.
    expect(queuesOf({ queues: { 3: { name: 'VIP', type: 1 } } })).toEqual([
      { id: '3', name: 'VIP', direction: 'inbound', active: true },
    ]);
    expect(queuesOf({})).toEqual([]);
  });

  it('reads phones by identifier, labelled with name and extension', () => {
    expect(phoneOf({ identifier: 'pc101', name: 'Linka 101', extension: '101' })).toEqual({
      identifier: 'pc101',
      label: 'Linka 101 (101)',
    });
    expect(phoneOf('pc7')).toEqual({ identifier: 'pc7', label: 'pc7' });
    expect(phoneOf({ name: 'no id' })).toBeUndefined();
    expect(
      phonesOf([{ identifier: 'a' }, { identifier: 'a' }, null, { identifier: 'b', name: 'B' }]),
    ).toEqual([
      { identifier: 'a', label: 'a' },
      { identifier: 'b', label: 'B' },
    ]);
    expect(phonesOf({ x: { identifier: 'c' } })).toEqual([{ identifier: 'c', label: 'c' }]);
  });

  it('knows the documented method states and words a wrong-state refusal for the agent', () => {
    expect(allowedIn('sso', 'CREDENTIALS')).toBe(true);
    expect(allowedIn('answer', 'IDENTIFY')).toBe(false);
    expect(allowedIn('selectIdentifier', 'DEVICE')).toBe(true);
    expect(allowedIn('identify', 'READY')).toBe(true);
    expect(allowedIn('provision', 'READY')).toBe(false);
    expect(wrongPhaseMessage('Confirming the phone', 'provision', 'READY')).toBe(
      'Confirming the phone is not possible now: the UCS agent bar is ready (state READY). UCS takes provision only when it is waiting for a phone to be paired (IDENTIFY) or waiting for the paired phone to be confirmed (DEVICE).',
    );
  });
});
