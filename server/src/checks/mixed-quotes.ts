/**
 * @file Flags quotation marks and apostrophes typed in the other style from the rest of the draft
 * ("Smith’s" and "Jones's" in one story), which happens when copy is pasted from several sources
 * or edited with smart quotes on and off. Each mark in the minority style gets a fix to the
 * majority style, so fix-all makes the draft consistent in one go.
 *
 * Apostrophes and quotation marks are counted together: a draft's smart-quote setting governs
 * both, and curly apostrophes inside straight quotation marks look as mixed as the other way
 * round. Quotations are included: their marks and apostrophes are the writer's typing, not the
 * source's words.
 */
import { BlockSummaries } from '../core/blockSummaries';
import { defineCheck } from '../core/defineCheck';
import type { DraftText } from '../core/draftText';
import { blockQuoteMarks, markFor, type QuoteMark, type QuoteRole } from '../core/quoteMarks';

const STYLES = ['dominant', 'curly', 'straight'] as const;
const KIND: Readonly<Record<QuoteRole, string>> = {
  'open-double': 'quotation mark',
  'close-double': 'quotation mark',
  'open-single': 'single quotation mark',
  'close-single': 'single quotation mark',
  apostrophe: 'apostrophe',
};

const blockMarks = new BlockSummaries((block) => blockQuoteMarks(block.text));

export default defineCheck({
  meta: {
    id: 'mixed-quotes',
    category: 'style',
    description: 'Flag quotation marks and apostrophes in the other style (curly or straight) from the rest of the draft.',
    defaultSeverity: 'info',
    enabledByDefault: true,
    fixable: true,
    scope: 'document',
    messages: {
      mixed: "{{style}} {{kind}} in '{{context}}': this draft mostly uses {{dominant}} marks ({{majority}} to {{minority}}).",
      house: "{{style}} {{kind}} in '{{context}}': house style is {{dominant}} marks.",
      replace: 'Use {{replacement}}',
    },
    defaultOptions: {
      /** 'dominant': the draft's own majority (curly on a tie); 'curly' or 'straight': a house style. */
      style: 'dominant' as string,
    },
  },
  validate({ style }) {
    return (STYLES as readonly string[]).includes(style) ? [] : [`style: expected one of ${STYLES.join(', ')}, not ${JSON.stringify(style)}`];
  },
  *run({ text, options }) {
    // The counts are sums of per-paragraph counts; only the marks to change are gathered.
    const perBlock = blockMarks.of(text);
    let curly = 0;
    let straight = 0;
    for (const b of perBlock) (curly += b.curly), (straight += b.straight);
    const house = options.style === 'curly' || options.style === 'straight' ? options.style : undefined;
    if (!house && (curly === 0 || straight === 0)) return;
    const target: QuoteMark['style'] = house ?? (curly >= straight ? 'curly' : 'straight');
    const counts = { majority: String(target === 'curly' ? curly : straight), minority: String(target === 'curly' ? straight : curly) };
    for (let index = 0; index < perBlock.length; index++) {
      const block = perBlock[index]!;
      if ((target === 'curly' ? block.straight : block.curly) === 0) continue;
      const at = text.layout.startAt(index);
      for (const local of block.marks) {
        if (local.style === target) continue;
        const mark = { ...local, offset: local.offset + at };
        const span = { start: mark.offset, end: mark.offset + 1 };
        const replacement = markFor(mark.role, target);
        const data = {
          style: mark.style === 'curly' ? 'Curly' : 'Straight',
          kind: KIND[mark.role],
          context: contextOf(text.source.text, mark.offset),
          dominant: target,
          ...counts,
        };
        yield {
          messageId: house ? 'house' : 'mixed',
          data,
          span,
          actual: text.source.text.slice(mark.offset, mark.offset + 1),
          expected: [replacement],
          fix: { messageId: 'replace', data: { replacement }, edits: [{ span, newText: replacement }] },
        };
      }
    }
  },
});

/**
 * The run of non-space text around a mark ("Jones's", `countries,"`), at most 30 characters, read
 * from the text as kept (SourceTextView.source): this runs on every keystroke.
 */
function contextOf(text: DraftText, at: number): string {
  const around = text.slice(Math.max(0, at - 15), at + 16);
  const here = at - Math.max(0, at - 15);
  let start = here;
  let end = here + 1;
  while (start > 0 && here - start < 15 && /\S/u.test(around.charAt(start - 1))) start--;
  while (end < around.length && end - here < 15 && /\S/u.test(around.charAt(end))) end++;
  return around.slice(start, end);
}
