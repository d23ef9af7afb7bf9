import type { WidgetAction } from '../protocol';
import { agentActions } from './agent-actions';
import { callActions } from './call-actions';
import type { Desk } from './desk';
import type { ActionHandler } from './handler';
import { transferActions } from './transfer-actions';

const handlers: Readonly<Record<string, ActionHandler>> = {
  ...agentActions,
  ...callActions,
  ...transferActions,
};

/** What became of an action. */
export type ActionOutcome =
  | { readonly result: 'done' }
  | { readonly result: 'refused'; readonly reason: string }
  | { readonly result: 'unknown' };

/**
 * Performs an action from a widget.
 *
 * ASSUMPTION: an action that makes no sense now (answer with nothing ringing) is refused with nothing
 * but a status, so the parent sees the state did not change; an action the document does not list, or
 * of a group other than "agent", is ignored without a status.
 */
export function performAction(desk: Desk, action: WidgetAction): ActionOutcome {
  const handler =
    action.group === 'agent' && Object.hasOwn(handlers, action.name) ? handlers[action.name] : undefined;
  if (!handler) return { result: 'unknown' };
  const reason = handler(desk, action.data ?? {});
  if (reason === undefined) return { result: 'done' };
  desk.status();
  return { result: 'refused', reason };
}
