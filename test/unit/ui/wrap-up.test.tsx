// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WrapUpItem } from '../../../src/core/hub-state';
import { send } from '../../../src/messaging/client';
import { SAVED_SHOWN_MS } from '../../../src/ui/use-wrap-up-hold';
import { WrapUpForm, wrapUpPhase } from '../../../src/ui/WrapUpForm';
import {
  accessibleName,
  buttonNames,
  choose,
  click,
  getButton,
  getField,
  mount,
  press,
  queryButton,
  settle,
  trusted,
  typeInto,
} from './dom';
import { NOW } from './fixtures';

vi.mock('../../../src/messaging/client', () => ({ send: vi.fn(async () => undefined) }));
const sendMock = vi.mocked(send);

const DISPOSITIONS = ['Resolved', 'Callback', 'Escalated'];
let nextId = 0;
/** A fresh call id per test: drafts outlive the form by design. */
function makeItem(overrides: Partial<WrapUpItem> = {}): WrapUpItem {
  return {
    callId: `wrap-${++nextId}`,
    direction: 'inbound',
    remoteNumber: '+442079460958',
    remoteDisplay: '+44 20 7946 0958',
    remoteName: 'Olivia Bennett',
    endedAt: NOW - 30_000,
    deferred: false,
    ...overrides,
  };
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

let cleanup: (() => Promise<void>) | undefined;
async function show(item: WrapUpItem, dispositions: readonly string[] = DISPOSITIONS, onDone = vi.fn()) {
  const view = await mount(<WrapUpForm item={item} dispositions={dispositions} onDone={onDone} />);
  cleanup = view.unmount;
  return { root: view.root, onDone, unmount: view.unmount };
}

const notesOf = (root: ParentNode) => {
  const found = Array.from(root.querySelectorAll('textarea')).filter((t) => accessibleName(t) === 'Notes');
  if (found.length !== 1) throw new Error(`${found.length} textareas are named "Notes"`);
  return found[0] as HTMLTextAreaElement;
};
const status = (root: ParentNode) => root.querySelector('[role="status"]')?.textContent ?? '';

beforeEach(() => {
  sendMock.mockReset();
  sendMock.mockResolvedValue(undefined);
});
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('WrapUpForm', () => {
  it('shows who and when, a Notes field, the dispositions, Save and Later', async () => {
    const { root } = await show(makeItem());
    expect(root.textContent).toContain('Olivia Bennett');
    expect(root.textContent).toContain('+44 20 7946 0958');
    expect(root.querySelector('time')?.getAttribute('datetime')).toBe(new Date(NOW - 30_000).toISOString());
    expect(notesOf(root).value).toBe('');
    const select = getField<HTMLSelectElement>(root, 'Disposition');
    expect(Array.from(select.options, (o) => o.value)).toEqual(['', ...DISPOSITIONS]);
    expect(buttonNames(root)).toEqual(['Save', 'Later']);
    expect(status(root)).toBe('');
  });

  it('asks for notes only when there are no dispositions', async () => {
    const { root } = await show(makeItem(), []);
    expect(root.querySelector('select')).toBeNull();
    expect(notesOf(root)).toBeDefined();
  });

  it('says "Saved" only once the hub answered that the log is stored', async () => {
    const item = makeItem();
    const reply = deferred<undefined>();
    sendMock.mockReturnValueOnce(reply.promise as never);
    const { root, onDone } = await show(item);
    await typeInto(notesOf(root), 'Asked about the March invoice');
    await choose(getField<HTMLSelectElement>(root, 'Disposition'), 'Callback');
    await click(getButton(root, 'Save'));
    expect(sendMock).toHaveBeenCalledWith('saveCallLog', {
      callId: item.callId,
      notes: 'Asked about the March invoice',
      disposition: 'Callback',
    });
    expect(status(root)).toBe('Saving…');
    expect(root.textContent).not.toContain('Saved');
    expect(onDone).not.toHaveBeenCalled();
    await act(async () => {
      reply.resolve(undefined);
      await settle();
    });
    expect(status(root)).toBe('Saved');
    expect(wrapUpPhase(item.callId)).toBe('saved');
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(queryButton(root, 'Save')).toBeUndefined();
  });

  it('sends no disposition when none is chosen, and saves once on a double click', async () => {
    const item = makeItem();
    const reply = deferred<undefined>();
    sendMock.mockReturnValueOnce(reply.promise as never);
    const { root } = await show(item);
    await typeInto(notesOf(root), 'Short call');
    const save = getButton(root, 'Save');
    await click(save);
    await click(save);
    expect(sendMock).toHaveBeenCalledTimes(1);
    expect(sendMock).toHaveBeenCalledWith('saveCallLog', { callId: item.callId, notes: 'Short call' });
    await act(async () => reply.resolve(undefined));
  });

  it('shows the error and keeps what the agent typed when the save fails', async () => {
    const item = makeItem();
    sendMock.mockRejectedValueOnce(new Error('The call history could not be written.'));
    const { root, onDone } = await show(item);
    await typeInto(notesOf(root), 'Wants a callback on Monday');
    await choose(getField<HTMLSelectElement>(root, 'Disposition'), 'Escalated');
    await click(getButton(root, 'Save'));
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'Could not save the log: The call history could not be written.',
    );
    expect(status(root)).toBe('');
    // Nothing on screen may read as "saved" (tests and people look for that word).
    expect(root.textContent?.toLowerCase()).not.toContain('saved');
    expect(notesOf(root).value).toBe('Wants a callback on Monday');
    expect(getField<HTMLSelectElement>(root, 'Disposition').value).toBe('Escalated');
    expect(onDone).not.toHaveBeenCalled();
    // Trying again works.
    await click(getButton(root, 'Save'));
    expect(status(root)).toBe('Saved');
    expect(sendMock).toHaveBeenLastCalledWith('saveCallLog', {
      callId: item.callId,
      notes: 'Wants a callback on Monday',
      disposition: 'Escalated',
    });
  });

  it('keeps the draft when the form is rendered again, even after it was gone', async () => {
    const item = makeItem();
    const first = await show(item);
    await typeInto(notesOf(first.root), 'Half-written note');
    await first.unmount();
    const second = await show({ ...item });
    expect(notesOf(second.root).value).toBe('Half-written note');
    // Another call's form starts empty.
    await second.unmount();
    const other = await show(makeItem());
    expect(notesOf(other.root).value).toBe('');
  });

  it('saves nothing for a page script’s submit, even with notes it typed', async () => {
    const item = makeItem();
    const { root } = await show(item);
    // Stands in for `document.execCommand('insertText')`, whose input event is trusted.
    await typeInto(notesOf(root), 'Forged by the page');
    const form = root.querySelector('form') as HTMLFormElement;
    await act(async () => {
      form.requestSubmit();
      form.dispatchEvent(trusted(new SubmitEvent('submit', { bubbles: true, cancelable: true })));
      await settle();
    });
    expect(sendMock).not.toHaveBeenCalled();
    expect(wrapUpPhase(item.callId)).toBe('editing');
  });

  it('Enter in Notes starts a new line; it does not save', async () => {
    const { root } = await show(makeItem());
    await press(notesOf(root), 'Enter');
    expect(sendMock).not.toHaveBeenCalled();
  });

  it('"Later" leaves the log for later', async () => {
    const item = makeItem();
    const { root, onDone } = await show(item);
    await click(getButton(root, 'Later'));
    expect(sendMock).toHaveBeenCalledWith('deferCallLog', { callId: item.callId });
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(status(root)).toBe('');
  });

  it('says when "Later" failed', async () => {
    sendMock.mockRejectedValueOnce(new Error('Softbar did not answer; reload the page if this persists.'));
    const { root, onDone } = await show(makeItem());
    await click(getButton(root, 'Later'));
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Softbar did not answer');
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('WrapUpPanel', () => {
  it('shrinks to one line while a call rings, and the draft is still there afterwards', async () => {
    const { WrapUpPanel } = await import('../../../content-scripts/agent-bar/WrapUpPanel');
    const item = makeItem({ remoteName: 'Marcus Reed' });
    const full = await mount(<WrapUpPanel items={[item]} dispositions={DISPOSITIONS} />);
    await typeInto(notesOf(full.root), 'Started a note');
    await full.unmount();

    const compact = await mount(
      <WrapUpPanel items={[item, makeItem()]} dispositions={DISPOSITIONS} compact />,
    );
    expect(compact.root.querySelector('textarea')).toBeNull();
    expect(queryButton(compact.root, 'Save')).toBeUndefined();
    expect(compact.root.textContent).toContain('Marcus Reed waits for notes (and 1 more).');
    await compact.unmount();

    const again = await mount(<WrapUpPanel items={[item]} dispositions={DISPOSITIONS} />);
    cleanup = again.unmount;
    expect(notesOf(again.root).value).toBe('Started a note');
  });
});

describe('WrapUpList (popup)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps a saved log open to say "Saved" though the hub dropped it, then closes it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { WrapUpList } = await import('../../../popup/WrapUpList');
    const item = makeItem({ remoteName: 'Marcus Reed' });
    const reply = deferred<undefined>();
    sendMock.mockImplementation(((name: string) =>
      name === 'saveCallLog' ? reply.promise : Promise.resolve(undefined)) as never);
    const view = await mount(<WrapUpList items={[item]} />);
    cleanup = view.unmount;
    await click(getButton(view.root, 'Write notes for Marcus Reed'));
    await typeInto(notesOf(view.root), 'Wants a quote');
    await click(getButton(view.root, 'Save'));
    // The hub drops the call before its reply: the form stays, saving.
    await act(async () => {
      render(<WrapUpList items={[]} />, view.root);
      await settle();
    });
    expect(status(view.root)).toBe('Saving…');
    await act(async () => {
      reply.resolve(undefined);
      await settle();
    });
    expect(status(view.root)).toBe('Saved');
    await act(() => {
      vi.advanceTimersByTime(SAVED_SHOWN_MS - 1);
    });
    expect(status(view.root)).toBe('Saved');
    await act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(view.root.querySelector('section')).toBeNull();
  });

  it('"Later" closes the form at once', async () => {
    const { WrapUpList } = await import('../../../popup/WrapUpList');
    const item = makeItem({ remoteName: 'Giulia Romano' });
    const view = await mount(<WrapUpList items={[item]} />);
    cleanup = view.unmount;
    const open = getButton(view.root, 'Write notes for Giulia Romano');
    await click(open);
    await click(getButton(view.root, 'Later'));
    expect(open.getAttribute('aria-expanded')).toBe('false');
    expect(view.root.querySelector('textarea')).toBeNull();
  });
});
