/** How a followed call changes with what events tell, and what the hub hears of it. */
import type { VendorEvent } from '../../core/vendor-events';
import { numberOf } from './call-fields';
import { ctiOf, withCti } from './cti';
import { callIdOf, readProperties, sessionOf, text, type WidgetEvent } from './payload';
import { hasId, type TrackedCall, vendorDataOf } from './tracked-call';

/** Adds what `e` tells about `call`: an id it learns, properties, names, number, session, CTI data. */
export function mergeEvent(call: TrackedCall, e: WidgetEvent): void {
  const props = readProperties(e.data);
  const id = callIdOf(props);
  if (id && !hasId(call, id)) call.aliases.push(id);
  Object.assign(call.properties, props);
  call.remoteName = text(props.callerIdName) ?? call.remoteName;
  call.queue = text(props.SKILLNAME) ?? text(props.skillName) ?? call.queue;
  call.campaign = text(props.campaignName) ?? call.campaign;
  if (call.remoteNumber === '') call.remoteNumber = numberOf(e.data, call.direction) ?? '';
  call.sessionStart ??= sessionOf(e.data, call.remoteNumber)?.sessionStart;
  const cti = ctiOf(e.data);
  if (cti) call.cti = withCti(call.cti, cti);
}

/** Runs `change` on `call`; returns the `callUpdated` that tells the hub what changed, if anything did. */
export function updatedCall(
  call: TrackedCall,
  change: () => void,
  at: number,
): Extract<VendorEvent, { type: 'callUpdated' }> | undefined {
  const before = {
    name: call.remoteName,
    queue: call.queue,
    campaign: call.campaign,
    data: vendorDataOf(call),
  };
  change();
  const data = vendorDataOf(call);
  const sameData = JSON.stringify(before.data) === JSON.stringify(data);
  if (
    sameData &&
    before.name === call.remoteName &&
    before.queue === call.queue &&
    before.campaign === call.campaign
  )
    return undefined;
  // The hub merges vendorData over what it has: keys that went away are sent as undefined.
  const removed = Object.fromEntries(
    Object.keys(before.data)
      .filter((key) => !Object.hasOwn(data, key))
      .map((key) => [key, undefined]),
  );
  return {
    type: 'callUpdated',
    at,
    vendorCallId: call.id,
    remoteName: call.remoteName,
    queue: call.queue,
    campaign: call.campaign,
    vendorData: sameData ? undefined : { ...removed, ...data },
  };
}
