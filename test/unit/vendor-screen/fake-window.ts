import type { ScreenWindow, Side } from '../../../src/vendor-screen/screen-window';

/** A ScreenWindow that records each move; `fail` makes the moves reject. */
export class FakeWindow implements ScreenWindow {
  readonly calls: string[] = [];
  aside = false;
  fail: Error | undefined;

  async minimize(): Promise<void> {
    this.record('minimize');
  }

  async maximize(): Promise<void> {
    this.record('maximize');
    this.aside = false;
  }

  async moveTo(side: Side): Promise<void> {
    this.record(`moveTo ${side}`);
  }

  async toSide(side: Side): Promise<void> {
    this.record(`toSide ${side}`);
    this.aside = true;
  }

  async restore(): Promise<void> {
    this.record('restore');
    this.aside = false;
  }

  close(): void {
    this.calls.push('close');
  }

  private record(call: string): void {
    this.calls.push(call);
    if (this.fail) throw this.fail;
  }
}
