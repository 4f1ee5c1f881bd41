/**
 * @file What the writer and the log hear when something fails inside the server: a rule that
 * throws (the engine skips it; the other rules still report) or a draft the engine cannot check at
 * all. Each is logged once with its stack and told once as a notice: a broken rule throws again on
 * every keystroke, and a notice per keystroke would bury the editor.
 */

export class FaultNotices {
  private readonly told = new Set<string>();

  constructor(
    private readonly log: (message: string) => void,
    private readonly notify: (message: string) => void,
  ) {}

  /** A rule threw: once per rule for the life of the server. */
  ruleFailed(checkId: string, error: unknown): void {
    this.once(
      `rule:${checkId}`,
      `Rule ${checkId} failed and was skipped: ${describeError(error)}`,
      `Copydesk: the rule '${checkId}' failed and was skipped; the other rules still run. See the Copydesk output for details.`,
    );
  }

  /** The engine threw for a draft: once per draft and error message (a new kind of failure is told again). */
  draftFailed(uri: string, error: unknown): void {
    const name = uri.replace(/[?#].*$/u, '').split('/').pop() || uri;
    this.once(
      `draft:${uri}:${error instanceof Error ? error.message : String(error)}`,
      `Checking ${uri} failed; it shows no findings for this version: ${describeError(error)}`,
      `Copydesk could not check ${name} and shows no findings for it. See the Copydesk output for details.`,
    );
  }

  private once(key: string, log: string, notice: string): void {
    if (this.told.has(key)) return;
    this.told.add(key);
    this.log(log);
    this.notify(notice);
  }
}

/** An error's stack (or message) for the log; anything else thrown, as text. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
