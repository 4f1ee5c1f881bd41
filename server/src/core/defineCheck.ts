/**
 * @file Identity helper for check files: infers message ids and options, and fills in the docs URL
 * from the id so that a rule's page can never drift from its name.
 */
import type { Check, CheckInput, CheckMeta, Report } from './types';

/** Where every rule's page lives; `codeDescription.href` and the CLI point here. */
export const DOCS_BASE = 'https://github.com/copydesk/copydesk/blob/main/docs/rules/';

export function docsUrlFor(id: string): string {
  return `${DOCS_BASE}${id}.md`;
}

export function defineCheck<M extends string, O extends object>(check: {
  meta: Omit<CheckMeta<M, O>, 'docsUrl'>;
  run(input: CheckInput<O>): Iterable<Report<M>>;
  validate?(options: Readonly<O>): readonly string[];
}): Check<M, O> {
  return { ...check, meta: { ...check.meta, docsUrl: docsUrlFor(check.meta.id) } };
}
