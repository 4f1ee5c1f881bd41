/**
 * @file Flags a paragraph that also appears, word for word or nearly, in another draft of the
 * workspace: copy carried over from an older version of the story, or the writer's own earlier
 * article reused without the desk knowing. It needs the other drafts (CheckInput.workspace), which
 * the language server indexes; without them, as in the CLI on one file, it reports nothing.
 */
import { defineCheck } from '../core/defineCheck';
import { indexableParagraphs } from '../core/paragraphDigest';

export default defineCheck({
  meta: {
    id: 'reused-paragraph',
    category: 'structure',
    description: 'Flag a paragraph that also appears, word for word or nearly, in another draft in the workspace.',
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: false,
    scope: 'document',
    messages: {
      exact: "This paragraph also appears in '{{file}}' (line {{line}}).",
      exactMore: "This paragraph also appears in '{{file}}' (line {{line}}) and in {{more}} more.",
      near: "{{percent}}% the same as a paragraph in '{{file}}' (line {{line}}).",
      nearMore: "{{percent}}% the same as a paragraph in '{{file}}' (line {{line}}) and in {{more}} more.",
      sameIn: "The same paragraph in '{{file}}'.",
      versionIn: "The version in '{{file}}' ({{percent}}% the same).",
    },
    // The threshold follows near-duplicate-paragraph's unless set here (api.ts keeps them in step).
    // Lines under shortWords words need shortThreshold: on the BBC workspace, two short lines at 60–75%
    // were formula sentences, not one article's line reused (docs/evaluation.md).
    defaultOptions: { threshold: 0.6, maxDrafts: 10, shortWords: 25, shortThreshold: 0.75 },
  },
  validate(options) {
    const problems: string[] = [];
    if (!(options.threshold >= 0.3 && options.threshold <= 1)) problems.push(`threshold: expected a number from 0.3 to 1, not ${options.threshold}`);
    if (!(Number.isInteger(options.maxDrafts) && options.maxDrafts >= 1)) problems.push(`maxDrafts: expected a whole number of at least 1, not ${options.maxDrafts}`);
    if (!(Number.isInteger(options.shortWords) && options.shortWords >= 0)) problems.push(`shortWords: expected a whole number of at least 0, not ${options.shortWords}`);
    if (!(options.shortThreshold >= 0.3 && options.shortThreshold <= 1)) problems.push(`shortThreshold: expected a number from 0.3 to 1, not ${options.shortThreshold}`);
    return problems;
  },
  *run({ text, options, workspace }) {
    // No other draft to compare with (yet): the draft's paragraphs are not even read.
    if (!workspace || workspace.hasOthers?.() === false) return;
    const paragraphs = indexableParagraphs(text);
    const found = workspace.matches(paragraphs, options);
    for (let i = 0; i < paragraphs.length; i++) {
      const matches = found[i] ?? [];
      const best = matches[0];
      if (!best) continue;
      const more = matches.length - 1;
      const percent = (similarity: number): string => String(Math.floor(similarity * 100));
      const data = { file: best.name, line: String(best.line), percent: percent(best.similarity), more: String(more) };
      yield {
        messageId: best.exact ? (more ? 'exactMore' : 'exact') : more ? 'nearMore' : 'near',
        data,
        span: paragraphs[i]!.span,
        related: matches.map((m) => ({
          span: m.span,
          document: m.document,
          messageId: m.exact ? ('sameIn' as const) : ('versionIn' as const),
          data: { file: m.name, percent: percent(m.similarity) },
        })),
      };
    }
  },
});
