import type { VendorCommand } from '../../core/commands';
import type { VendorEvent } from '../../core/vendor-events';
import type { AdapterContext, VendorAdapter } from '../contract';
import { demoCapabilities } from './capabilities';
import { DemoPbx, type PbxSnapshot } from './pbx';
import type { DemoSettings } from './settings';

const SNAPSHOT_KEY = 'demo.pbx';

/** Connects the hub to the in-extension demo PBX; the PBX's state is saved so a worker restart keeps calls. */
export class DemoAdapter implements VendorAdapter {
  readonly id = 'demo' as const;
  readonly capabilities;
  private pbx: DemoPbx | undefined;
  private readonly listeners = new Set<(event: VendorEvent) => void>();
  private saving: Promise<void> = Promise.resolve();
  private saveQueued = false;

  constructor(
    private readonly settings: DemoSettings,
    private readonly ctx: AdapterContext,
  ) {
    this.capabilities = demoCapabilities(settings);
  }

  async connect(signal: AbortSignal): Promise<void> {
    this.emit({ type: 'connection', at: this.ctx.now(), status: 'connecting' });
    const saved = await this.ctx.store.get<PbxSnapshot>(SNAPSHOT_KEY);
    signal.throwIfAborted();
    this.pbx?.dispose();
    const pbx = new DemoPbx(this.settings, this.ctx.now, saved);
    this.pbx = pbx;
    pbx.onChange = () => this.save();
    pbx.on((event) => this.emit(event));
    this.emit({ type: 'capabilities', at: this.ctx.now(), capabilities: this.capabilities });
    this.emit(pbx.describe());
    this.emit({ type: 'connection', at: this.ctx.now(), status: 'connected' });
    await this.save();
  }

  async execute(command: VendorCommand): Promise<void> {
    if (!this.pbx) throw new Error('The demo PBX is not connected.');
    this.pbx.handle(command);
    await this.save();
  }

  onEvent(listener: (event: VendorEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async dispose(): Promise<void> {
    this.pbx?.dispose();
    this.pbx = undefined;
    this.listeners.clear();
    await this.saving;
  }

  readonly simulation = {
    incomingCall: async (caller?: { number: string; name?: string }): Promise<void> => {
      if (!this.pbx) throw new Error('The demo PBX is not connected.');
      this.pbx.ring(caller);
      await this.save();
    },
  };

  /** Far-end controls for tests and the demo script. */
  get farEnd(): DemoPbx | undefined {
    return this.pbx;
  }

  /** Simulates losing the PBX for `ms`: the bar shows it reconnecting, then the PBX's picture comes back. */
  async dropConnection(ms: number): Promise<void> {
    const pbx = this.pbx;
    if (!pbx) return;
    this.emit({
      type: 'connection',
      at: this.ctx.now(),
      status: 'reconnecting',
      message: 'Demo PBX connection lost',
    });
    await new Promise((resolve) => setTimeout(resolve, ms));
    this.emit(pbx.describe());
    this.emit({ type: 'connection', at: this.ctx.now(), status: 'connected' });
  }

  private emit(event: VendorEvent): void {
    for (const listener of this.listeners) listener(event);
  }

  /** Saves the PBX's state; writes are serialized and coalesced so the last state always lands. */
  private save(): Promise<void> {
    if (this.saveQueued) return this.saving;
    this.saveQueued = true;
    this.saving = this.saving.then(async () => {
      this.saveQueued = false;
      if (this.pbx) await this.ctx.store.set(SNAPSHOT_KEY, this.pbx.snapshot());
    });
    return this.saving;
  }
}
