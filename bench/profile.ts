/**
 * @file Where Copydesk's time goes: each default rule alone (every other rule off), cold and (at
 * the smaller sizes) warm, against the cost every run pays whatever the rules (segmentation,
 * settings, directives), measured with every rule off. Run at two sizes, it shows which rules grow
 * faster than the text. A rule alone costs a little more than its share of a full run.
 */
import { corpus, warmUpText, type SizeLabel } from './corpus';
import { median, timed } from './timing';

export interface RuleCost {
  readonly rule: string;
  /** The run with only this rule on, minus the baseline. */
  readonly coldMs: number;
  /** Not measured at the large sizes, to save time: it differs from cold only for cached rules. */
  readonly warmMs?: number;
}

export interface Profile {
  readonly label: SizeLabel;
  readonly bytes: number;
  /** Every rule off: median of three runs. */
  readonly baselineMs: number;
  readonly rules: readonly RuleCost[];
}

export async function ruleProfile(label: SizeLabel, withWarm: boolean): Promise<Profile> {
  const { text, bytes } = corpus(label);
  // The server's and the CLI's V8 settings, set before the engine's code is loaded, as they do.
  const flags = await import('../server/src/node/v8Flags');
  flags.compileRegExpsOnce();
  flags.compileForFirstLooks();
  const api = await import('../server/src/api');
  const ids = api.checks.map((c) => c.meta.id);
  const only = (id?: string) => ({ rules: Object.fromEntries(ids.filter((x) => x !== id).map((x) => [x, 'off'])) });
  api.lintText(warmUpText(), 'plaintext');
  const baseline: number[] = [];
  for (let i = 0; i < 4; i++) baseline.push((await timed(() => api.lintText(text, 'plaintext', only()))).ms);
  const baselineMs = median(baseline.slice(1));
  const rules: RuleCost[] = [];
  for (const check of api.checks) {
    if (!check.meta.enabledByDefault) continue;
    const cold = (await timed(() => api.lintText(text, 'plaintext', only(check.meta.id)))).ms;
    const warm = withWarm ? (await timed(() => api.lintText(text, 'plaintext', only(check.meta.id)))).ms : undefined;
    rules.push({ rule: check.meta.id, coldMs: Math.max(0, cold - baselineMs), ...(warm === undefined ? {} : { warmMs: Math.max(0, warm - baselineMs) }) });
  }
  return { label, bytes, baselineMs, rules: rules.sort((a, b) => b.coldMs - a.coldMs) };
}
