// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AgentState } from '../../../src/core/agent-state';
import type { Capabilities } from '../../../src/core/capabilities';
import { send } from '../../../src/messaging/client';
import { AgentStateSelect } from '../../../src/ui/AgentStateSelect';
import { actionError } from '../../../src/ui/actions';
import { agentStateOptions } from '../../../src/ui/agent-state-options';
import { choose, getField, mount } from './dom';
import { FULL_CAPS, NOW } from './fixtures';

vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(async () => undefined) }));
const sendMock = vi.mocked(send);

let cleanup: (() => Promise<void>) | undefined;
async function show(agent: AgentState, caps: Capabilities = FULL_CAPS) {
  const view = await mount(<AgentStateSelect agent={agent} caps={caps} />);
  cleanup = view.unmount;
  return { root: view.root, select: getField<HTMLSelectElement>(view.root, 'Agent state') };
}
const labels = (select: HTMLSelectElement) => Array.from(select.options, (o) => o.textContent);

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setInterval', 'clearInterval'] });
  sendMock.mockReset();
  sendMock.mockResolvedValue(undefined);
  actionError.value = undefined;
});
afterEach(async () => {
  await cleanup?.();
  vi.useRealTimers();
});

describe('agent state select', () => {
  it('is named "Agent state" and offers one Not ready option per reason', async () => {
    const { select } = await show({ kind: 'ready', since: NOW });
    expect(labels(select)).toEqual(['Ready', 'Not ready — Break', 'Not ready — Lunch', 'Offline']);
    expect(select.value).toBe('ready');
  });

  it('sends the chosen reason', async () => {
    const { select } = await show({ kind: 'ready', since: NOW });
    await choose(select, 'notReady:lunch');
    expect(sendMock).toHaveBeenCalledWith('command', {
      type: 'setAgentState',
      state: 'notReady',
      reason: 'lunch',
    });
  });

  it('sends a state without a reason when it has none', async () => {
    const { select } = await show({ kind: 'notReady', reason: 'break', since: NOW });
    expect(select.value).toBe('notReady:break');
    await choose(select, 'ready');
    expect(sendMock).toHaveBeenCalledWith('command', { type: 'setAgentState', state: 'ready' });
  });

  it('offers plain "Not ready" when the vendor has no reasons', async () => {
    const { select } = await show({ kind: 'ready', since: NOW }, { ...FULL_CAPS, notReadyReasons: [] });
    expect(labels(select)).toEqual(['Ready', 'Not ready', 'Offline']);
    await choose(select, 'notReady');
    expect(sendMock).toHaveBeenCalledWith('command', { type: 'setAgentState', state: 'notReady' });
  });

  it('shows busy as a disabled, selected option', async () => {
    const { select } = await show({ kind: 'busy', since: NOW });
    const busy = Array.from(select.options).find((o) => o.value === 'busy');
    expect(busy?.textContent).toBe('Busy');
    expect(busy?.disabled).toBe(true);
    expect(select.value).toBe('busy');
  });

  it('is read-only when the vendor takes no state changes', async () => {
    const { select } = await show({ kind: 'ready', since: NOW }, { ...FULL_CAPS, agentStates: [] });
    expect(select.disabled).toBe(true);
    expect(labels(select)).toEqual(['Ready']);
  });

  it('shows the time in the current state', async () => {
    const { root } = await show({ kind: 'ready', since: NOW - 125_000 });
    expect(root.querySelector('.sb-agent-time')?.textContent).toContain('2:05');
  });

  it('falls back to the real state when the change fails', async () => {
    sendMock.mockRejectedValueOnce(new Error('Changing agent state failed: agent is on a call'));
    const { select } = await show({ kind: 'ready', since: NOW });
    await choose(select, 'offline');
    expect(select.value).toBe('ready');
    expect(actionError.value).toBe('Changing agent state failed: agent is on a call');
  });
});

describe('agentStateOptions', () => {
  it('keeps an unknown current reason visible without making it selectable', () => {
    const options = agentStateOptions({ kind: 'notReady', reason: 'coaching', since: NOW }, FULL_CAPS);
    expect(options[0]).toEqual({ value: 'notReady:coaching', label: 'Not ready — coaching' });
  });
});
