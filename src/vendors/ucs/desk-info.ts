/**
 * What the onReady state, onIdentify and onDevice objects say about the agent's desk, read defensively:
 * the document names the fields (auxReasons, callReasons, queues, user.queues) but not their shapes.
 * ASSUMPTIONS: reasons are `code → label` maps or lists of codes/objects; `user.queues` holds the
 * agent's memberships (Queue objects keyed by queue ID, `suspended`, `type` 0 outgoing / 1 incoming);
 * `queues` the available queues (names); a device names its `identifier`.
 */
import type { StateReason } from '../../core/agent-state';
import type { PhoneChoice, QueueMembership } from '../../core/desk';
import { isObject } from '../shared/is-object';

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

const idText = (value: unknown): string | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? String(value) : text(value);

/** Reasons (auxReasons, callReasons) as code + label, in the server's order; [] when there are none. */
export function reasonsOf(value: unknown): StateReason[] {
  const reasons: StateReason[] = [];
  const add = (id: string | undefined, label: string | undefined) => {
    if (id !== undefined && !reasons.some((reason) => reason.id === id))
      reasons.push({ id, label: label ?? id });
  };
  if (Array.isArray(value)) {
    for (const item of value) {
      if (isObject(item)) add(idText(item.code ?? item.id ?? item.name), text(item.label ?? item.name));
      else add(idText(item), undefined);
    }
  } else if (isObject(value)) {
    for (const [code, entry] of Object.entries(value)) {
      add(code, isObject(entry) ? text(entry.label ?? entry.name) : text(entry));
    }
  }
  return reasons;
}

/** The agent's queues from a state object: memberships with their names. */
export function queuesOf(state: Readonly<Record<string, unknown>>): QueueMembership[] {
  const user = isObject(state.user) ? state.user : {};
  const available = isObject(state.queues) ? state.queues : {};
  const memberships = isObject(user.queues) && Object.keys(user.queues).length > 0 ? user.queues : available;
  const queues: QueueMembership[] = [];
  for (const [key, raw] of Object.entries(memberships)) {
    const entry = isObject(raw) ? raw : {};
    const id = idText(entry.queue_id) ?? key;
    const known = available[id];
    const name = text(isObject(known) ? known.name : known) ?? text(entry.name) ?? `Queue ${id}`;
    const type = entry.type ?? (isObject(known) ? known.type : undefined);
    queues.push({
      id,
      name,
      direction: type === 0 || type === '0' ? 'outbound' : 'inbound',
      active: entry.suspended !== true,
    });
  }
  return queues;
}

/** A device object as a phone choice, or undefined when it names no identifier. */
export function phoneOf(value: unknown): PhoneChoice | undefined {
  if (typeof value === 'string')
    return text(value) ? { identifier: value.trim(), label: value.trim() } : undefined;
  if (!isObject(value)) return undefined;
  const identifier = idText(value.identifier ?? value.id ?? value.line_id);
  if (identifier === undefined) return undefined;
  const name = text(value.name);
  const extension = idText(value.extension);
  const label = name && extension ? `${name} (${extension})` : (name ?? extension ?? identifier);
  return { identifier, label };
}

/** onIdentify's list of phones (an array, or an object of them) as choices. */
export function phonesOf(value: unknown): PhoneChoice[] {
  const items = Array.isArray(value) ? value : isObject(value) ? Object.values(value) : [];
  const phones: PhoneChoice[] = [];
  for (const item of items) {
    const phone = phoneOf(item);
    if (phone && !phones.some((each) => each.identifier === phone.identifier)) phones.push(phone);
  }
  return phones;
}
