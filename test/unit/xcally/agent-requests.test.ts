import { describe, expect, it } from 'vitest';
import { agentCti, agentCtiNotification, noticeLevel } from '../../../src/vendors/xcally/agent-requests';
import { agentIdentity } from '../../../src/vendors/xcally/identity';
import { realtimeCti } from '../../../src/vendors/xcally/realtime-cti';
import { ANDREA, HANGUP_SAMPLE } from './samples';

const me = agentIdentity({ peer: ANDREA, match: 'peer', sipname: 'andrea.bianco' });

describe('AgentCTI', () => {
  it.each([
    ['new_tab', 'newTab'],
    ['new_window', 'newWindow'],
    ['new_frame', 'frame'],
    ['NEW_TAB', 'newTab'],
  ])('mode %s opens the page as %s', (mode, expected) => {
    const result = agentCti(
      me,
      { url: 'https://crm.example.com/case?id=7', peer: ANDREA, mode },
      5,
      'call-1',
    );
    expect(result).toEqual({
      events: [
        {
          type: 'openPage',
          at: 5,
          url: 'https://crm.example.com/case?id=7',
          mode: expected,
          vendorCallId: 'call-1',
          raw: { url: 'https://crm.example.com/case?id=7', peer: ANDREA, mode },
        },
      ],
    });
  });

  it("opens the document's own examples", () => {
    for (const [url, mode] of [
      ['http://www.google.it', 'new_tab'],
      ['https://www.zendesk.com/', 'new_window'],
      ['http://localhost', 'new_frame'],
    ]) {
      expect(agentCti(me, { url, peer: ANDREA, mode }, 0, undefined)).toHaveProperty(
        'events.0.type',
        'openPage',
      );
    }
  });

  it('ignores a push for another agent, quietly', () => {
    expect(
      agentCti(me, { url: 'https://x.example', peer: 'SIP/john.doe', mode: 'new_tab' }, 0, undefined),
    ).toEqual({
      ignored: 'AgentCTI for "SIP/john.doe", not this agent',
      level: 'debug',
    });
    expect(agentCti(me, { url: 'https://x.example', mode: 'new_tab' }, 0, undefined)).toMatchObject({
      level: 'debug',
    });
  });

  it('logs and ignores an unknown mode or a missing url', () => {
    expect(agentCti(me, { url: 'https://x.example', peer: ANDREA, mode: 'popup' }, 0, undefined)).toEqual({
      ignored: 'AgentCTI mode "popup" is not new_tab, new_window or new_frame',
      level: 'warn',
    });
    expect(agentCti(me, { peer: ANDREA, mode: 'new_tab' }, 0, undefined)).toMatchObject({ level: 'warn' });
    expect(agentCti(me, 42, 0, undefined)).toMatchObject({ level: 'warn' });
  });

  it('refuses a page that is not http(s), with a notice', () => {
    const result = agentCti(me, { url: 'javascript:alert(1)', peer: ANDREA, mode: 'new_tab' }, 9, undefined);
    expect(result).toMatchObject({
      events: [
        {
          type: 'notice',
          level: 'warning',
          text: expect.stringMatching(/is not a web address .*not opened/),
        },
      ],
    });
  });
});

describe('AgentCTINotification', () => {
  it('becomes a notice with a desktop notification', () => {
    expect(
      agentCtiNotification(
        me,
        { peer: ANDREA, type: 'warning', title: 'Queue', body: '5 callers waiting' },
        3,
      ),
    ).toEqual({
      events: [
        {
          type: 'notice',
          at: 3,
          level: 'warning',
          title: 'Queue',
          text: '5 callers waiting',
          desktop: true,
          raw: { peer: ANDREA, type: 'warning', title: 'Queue', body: '5 callers waiting' },
        },
      ],
    });
  });

  it('takes its level from type, information by default', () => {
    expect(['info', 'warning', 'warn', 'error', 'danger', 'success', undefined, 7].map(noticeLevel)).toEqual([
      'info',
      'warning',
      'warning',
      'error',
      'error',
      'info',
      'info',
      'info',
    ]);
  });

  it("ignores another agent's notification and one with nothing to say", () => {
    expect(agentCtiNotification(me, { peer: 'SIP/john.doe', title: 'x', body: 'y' }, 0)).toMatchObject({
      level: 'debug',
    });
    expect(agentCtiNotification(me, { peer: ANDREA, type: 'info' }, 0)).toMatchObject({ level: 'warn' });
  });

  it('shows a title alone as the text', () => {
    expect(agentCtiNotification(me, { peer: ANDREA, title: 'Break time' }, 0)).toMatchObject({
      events: [{ text: 'Break time', title: undefined }],
    });
  });
});

describe('RealtimeCTI', () => {
  it("is the document's pushevent: the call data with the time, the reference and the url", () => {
    expect(
      realtimeCti(
        'Softbar',
        HANGUP_SAMPLE,
        { rule: 'crm-case', url: 'https://crm.example.com/c/1003' },
        Date.UTC(2024, 0, 2, 3, 4, 5),
      ),
    ).toEqual({
      type: 'Softbar',
      channel: { ...HANGUP_SAMPLE, time: '2024-01-02T03:04:05.000Z' },
      reference: 'crm-case',
      url: 'https://crm.example.com/c/1003',
    });
  });
});
