/**
 * @file Flags a paragraph or headline that repeats an earlier one word for word (after folding case,
 * spacing, quote and dash variants). Drafts assembled from several versions often repeat whole
 * paragraphs, and a repeated run is reported as one block with one fix that removes it.
 */
import { defineCheck } from '../core/defineCheck';
import { lineIndexAt } from '../core/lines';
import { blockRemovalSpan } from '../core/removal';
import { exactRepeats, repeatRuns } from '../core/repeats';
import { UNNECESSARY, type Block } from '../core/types';

export default defineCheck({
  meta: {
    id: 'duplicate-paragraph',
    category: 'structure',
    description: 'Flag a paragraph or headline that repeats an earlier one word for word.',
    defaultSeverity: 'warning',
    enabledByDefault: true,
    fixable: true,
    scope: 'document',
    messages: {
      duplicate: 'Repeats the {{kind}} at line {{line}}.',
      duplicateInBlock:
        'Repeats the {{kind}} at line {{line}}: part of a block of {{count}} paragraphs (lines {{from}}–{{to}}) that repeats lines {{originalFrom}}–{{originalTo}}.',
      firstCopy: 'First copy of this {{kind}}.',
      remove: 'Remove duplicate paragraph',
      removeBlock: 'Remove duplicated block ({{count}} paragraphs)',
    },
    defaultOptions: { minWords: 3 },
  },
  *run({ text, options }) {
    for (const { copies } of repeatRuns(exactRepeats(text, options.minWords))) {
      const first = copies[0]!;
      const last = copies[copies.length - 1]!;
      const count = String(copies.length);
      const lines = {
        count,
        from: String(text.layout.at(first.copy).line),
        to: String(lineIndexAt(text.lineStarts, text.layout.at(last.copy).span.end) + 1),
        originalFrom: String(text.layout.at(first.original).line),
        originalTo: String(lineIndexAt(text.lineStarts, text.layout.at(last.original).span.end) + 1),
      };
      const removeBlock = { messageId: 'removeBlock' as const, data: { count }, edits: [{ span: blockRemovalSpan(text, first.copy, last.copy), newText: '' }] };
      for (const { copy, original } of copies) {
        const block = text.layout.at(copy);
        const source = text.layout.at(original);
        const data = { kind: kindName(source), line: String(source.line), ...lines };
        yield {
          messageId: copies.length > 1 ? 'duplicateInBlock' : 'duplicate',
          data,
          span: block.span,
          tags: UNNECESSARY,
          related: [{ span: source.span, messageId: 'firstCopy', data }],
          fix: { messageId: 'remove', edits: [{ span: blockRemovalSpan(text, copy, copy), newText: '' }] },
          ...(copies.length > 1 ? { suggestions: [removeBlock] } : {}),
        };
      }
    }
  },
});

export function kindName(block: Block): string {
  return block.kind === 'heading' ? 'headline' : block.kind === 'list-item' ? 'list item' : 'paragraph';
}
