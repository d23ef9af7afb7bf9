import type { Call } from '../call';

/**
 * Call fields that screen-pop templates, rule conditions and autofill values can name. `vendor.FIELD`
 * names any raw vendor field or CTI variable besides these (dots reach into nested objects).
 */
export const CALL_FIELDS = {
  number: 'the number as the vendor gave it',
  e164: 'the number in E.164 (+442079460018), or the raw number when it does not parse',
  national: 'the number as written in its country (020 7946 0018), or the raw number',
  name: "the caller's name, when the vendor knows it",
  callId: "Softbar's id of the call",
  vendorCallId: "the vendor's id of the call",
  queue: 'the queue the call came through',
  service: 'the service the call came through',
  campaign: 'the campaign of an outbound campaign call',
  direction: 'inbound or outbound',
  media: 'voice, video or chat',
  state: 'ringing, dialing, connected, held or ended',
} as const;

export type CallFieldName = keyof typeof CALL_FIELDS;

/** Prefix of raw vendor fields: `vendor.customerId`. */
export const VENDOR_PREFIX = 'vendor.';

/** Whether `name` is a field rules may use. */
export function isCallField(name: string): boolean {
  return Object.hasOwn(CALL_FIELDS, name) || (name.startsWith(VENDOR_PREFIX) && name.length > 7);
}

/** Text of a scalar; objects and arrays as JSON; nothing for null/undefined. */
function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
    return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return undefined;
  }
}

/** A raw vendor field: the exact key first (keys may contain dots), then a dotted path into objects. */
function vendorField(data: Readonly<Record<string, unknown>>, path: string): unknown {
  if (Object.hasOwn(data, path)) return data[path];
  let node: unknown = data;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !Object.hasOwn(node, part)) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The text of one field of `call`, or undefined when the call has no such value. */
export function callField(call: Call, name: string): string | undefined {
  if (name.startsWith(VENDOR_PREFIX)) return asText(vendorField(call.vendorData, name.slice(7)));
  switch (name as CallFieldName) {
    case 'number':
      return call.remoteNumber;
    case 'e164':
      return call.remoteE164 ?? call.remoteNumber;
    case 'national':
      return call.remoteNational ?? call.remoteNumber;
    case 'name':
      return call.remoteName;
    case 'callId':
      return call.id;
    case 'vendorCallId':
      return call.vendorCallIds[0];
    case 'queue':
      return call.queue;
    case 'service':
      return call.service;
    case 'campaign':
      return call.campaign;
    case 'direction':
      return call.direction;
    case 'media':
      return call.media;
    case 'state':
      return call.state;
    default:
      return undefined;
  }
}
