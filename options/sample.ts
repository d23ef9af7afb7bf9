import { computed, signal } from '@preact/signals';
import type { Call, CallDirection } from '../src/core/call';
import { formatForDisplay, formatNational, isRegion, toE164 } from '../src/core/phone/number';
import { sampleCall } from '../src/core/rules/sample-call';
import { parseDraft, prettyJson } from './json-draft';
import { view } from './state';

/** The sample-call form as the admin filled it in. */
export interface SampleInput {
  /** The caller's number as a vendor would give it. */
  readonly number: string;
  /** The caller's name; empty = unknown. */
  readonly name: string;
  /** The queue; empty = none. */
  readonly queue: string;
  /** Inbound or outbound, as conditions on `direction` read it. */
  readonly direction: CallDirection;
  /** The vendor's raw fields and CTI variables, as a JSON object. */
  readonly vendorJson: string;
}

/** The form's starting values: the made-up call every preview starts from. */
export function defaultSampleInput(): SampleInput {
  const call = sampleCall();
  return {
    number: call.remoteNumber,
    name: call.remoteName ?? '',
    queue: call.queue ?? '',
    direction: call.direction,
    vendorJson: prettyJson(call.vendorData),
  };
}

/** The sample call, or why its vendor fields cannot be read (the call then has none). */
export interface SampleResult {
  /** The call the previews use. */
  readonly call: Call;
  /** Why the vendor fields were left out, when their JSON is not an object. */
  readonly vendorError?: string;
}

function readVendorFields(text: string): { data: Record<string, unknown>; error?: string } {
  if (text.trim() === '') return { data: {} };
  const parsed = parseDraft(text, 'write {} for no vendor fields');
  if (!parsed.ok) return { data: {}, error: parsed.error };
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { data: {}, error: 'Vendor fields must be a JSON object, such as { "customerId": "C-1042" }.' };
  }
  return { data: value as Record<string, unknown> };
}

/** The call the form describes; the number is read like the hub reads it, with the default region. */
export function buildSampleCall(input: SampleInput, defaultRegion?: string): SampleResult {
  const region = defaultRegion && isRegion(defaultRegion) ? defaultRegion : undefined;
  const number = input.number.trim();
  const vendor = readVendorFields(input.vendorJson);
  const call = sampleCall({
    direction: input.direction,
    remoteNumber: number,
    remoteE164: toE164(number, region),
    remoteNational: formatNational(number, region),
    remoteDisplay: formatForDisplay(number, region),
    remoteName: input.name.trim() || undefined,
    queue: input.queue.trim() || undefined,
    vendorData: vendor.data,
  });
  return vendor.error === undefined ? { call } : { call, vendorError: vendor.error };
}

/** What the admin typed in the sample-call form; shared by "Test rule" and the autofill preview. */
export const sampleInput = signal<SampleInput>(defaultSampleInput());

/** The sample call every preview uses. */
export const sample = computed(() => buildSampleCall(sampleInput.value, view.value?.config.defaultRegion));
