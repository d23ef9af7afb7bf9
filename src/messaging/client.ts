import browser from 'webextension-polyfill';
import type { Envelope, MessageName, Reply, RequestOf, ResponseOf } from './protocol';

/** Sends one protocol message to the hub; rejects with the hub's error text. */
export async function send<N extends MessageName>(name: N, data: RequestOf<N>): Promise<ResponseOf<N>> {
  const envelope: Envelope<N> = { softbar: 1, name, data };
  const reply = (await browser.runtime.sendMessage(envelope)) as Reply<N> | undefined;
  if (!reply) throw new Error('Softbar did not answer; reload the page if this persists.');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
