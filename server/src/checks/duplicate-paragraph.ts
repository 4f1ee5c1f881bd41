/**
 * @file Flags a paragraph or headline that repeats an earlier one word for word (after folding case,
 * spacing, quote and dash variants). Drafts assembled from several versions often repeat whole
 * paragraphs, and a repeated run is reported as one block with one fix that removes it.
 */
import { defineCheck } from '../core/defineCheck';
import { lineIndexAt } from '../core/lines';
import { blockRemovalSpan } from '../core/removal';
import { exactRepeats, repeatRuns } from '../core/repeats';
import { UNNECESSARY, type BlockKind } from '../core/types';

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
        from: String(text.layout.lineAt(first.copy)),
        to: String(lineIndexAt(text.lineStarts, text.layout.spanAt(last.copy).end) + 1),
        originalFrom: String(text.layout.lineAt(first.original)),
        originalTo: String(lineIndexAt(text.lineStarts, text.layout.spanAt(last.original).end) + 1),
      };
      const removeBlock = { messageId: 'removeBlock' as const, data: { count }, edits: [{ span: blockRemovalSpan(text, first.copy, last.copy), newText: '' }] };
      for (const { copy, original } of copies) {
        // Read without placing the blocks (SourceTextView.layout): most are after the edit.
        const data = { kind: kindName(text.layout.kindAt(original)), line: String(text.layout.lineAt(original)), ...lines };
        yield {
          messageId: copies.length > 1 ? 'duplicateInBlock' : 'duplicate',
          data,
          span: text.layout.spanAt(copy),
          tags: UNNECESSARY,
          related: [{ span: text.layout.spanAt(original), messageId: 'firstCopy', data }],
          fix: { messageId: 'remove', edits: [{ span: blockRemovalSpan(text, copy, copy), newText: '' }] },
          ...(copies.length > 1 ? { suggestions: [removeBlock] } : {}),
        };
      }
    }
  },
});

export function kindName(kind: BlockKind): string {
  return kind === 'heading' ? 'headline' : kind === 'list-item' ? 'list item' : 'paragraph';
}
