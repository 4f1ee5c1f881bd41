/**
 * @file For tests of the plumbing (CLI output, LSP positions, code actions) whose fixtures must keep
 * exactly their findings when a rule is added: every registered rule but the named ones turned off.
 */
import { checks } from '../../server/src/checks';

/** Settings (`rules`) that leave only `ids` on, at their defaults. */
export function onlyRules(...ids: readonly string[]): Readonly<Record<string, 'off'>> {
  return Object.fromEntries(checks.filter((c) => !ids.includes(c.meta.id)).map((c) => [c.meta.id, 'off']));
}

/** The same as `copydesk` arguments: `--rule <id>=off` for every other rule. */
export function onlyRulesArgs(...ids: readonly string[]): string[] {
  return Object.keys(onlyRules(...ids)).flatMap((id) => ['--rule', `${id}=off`]);
}

/** The rules the plumbing tests' drafts are written for. */
export const DUPLICATE_RULES = ['duplicate-paragraph', 'duplicate-sentence', 'near-duplicate-paragraph'] as const;
