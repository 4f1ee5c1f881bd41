/**
 * @file Debounced, one-at-a-time refreshes: a burst of keystrokes or diagnostics changes becomes one
 * request, and a change that arrives while a request is out becomes one more request after it.
 */
import type * as vscode from 'vscode';

export class Refresher implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private again = false;

  constructor(
    private readonly work: () => Promise<void>,
    private readonly delayMs: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  schedule(delayMs = this.delayMs): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), delayMs);
  }

  private async run(): Promise<void> {
    if (this.running) return void (this.again = true);
    this.running = true;
    try {
      await this.work();
    } catch (error) {
      this.onError(error);
    } finally {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.schedule();
      }
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
  }
}
