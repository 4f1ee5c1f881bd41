/**
 * @file Flags a sentence that already appeared in another paragraph, when the paragraphs themselves
 * differ: a fact or quote pasted twice reads as an editing slip.
 */
import { defineCheck } from '../core/defineCheck';
import { exactRepeats, foldedKey, nearRepeats } from '../core/repeats';
import type { SourceTextView } from '../core/types';
import nearDuplicateParagraph from './near-duplicate-paragraph';

export default defineCheck({
  meta: {
    id: 'duplicate-sentence',
    category: 'structure',
    description: 'Flag a sentence that repeats a sentence from another paragraph.',
    defaultSeverity: 'warning',
    enabledByDefault: true,
    fixable: false,
    scope: 'document',
    messages: {
      duplicate: 'This sentence already appears in the paragraph at line {{line}}.',
      firstCopy: 'First use of the sentence.',
      remove: 'Remove the repeated sentence',
    },
    // nearDuplicateThreshold follows near-duplicate-paragraph's threshold (api.ts keeps them in step).
    defaultOptions: { minWords: 6, nearDuplicateThreshold: nearDuplicateParagraph.meta.defaultOptions.threshold },
  },
  *run({ text, options }) {
    const covered = pairsAlreadyReported(text, options.nearDuplicateThreshold);
    const first = new Map<string, number>();
    const keys = text.sentences.map((sentence, index) => {
      const { key, words } = foldedKey(sentence.text);
      if (words < options.minWords) return undefined;
      if (!first.has(key)) first.set(key, index);
      return key;
    });
    for (const [index, sentence] of text.sentences.entries()) {
      const key = keys[index];
      const earlier = key === undefined ? undefined : first.get(key);
      if (earlier === undefined || earlier === index) continue;
      const original = text.sentences[earlier]!;
      if (original.block === sentence.block || covered.has(`${sentence.block}:${original.block}`) || covered.has(`${sentence.block}:*`)) continue;
      yield {
        messageId: 'duplicate',
        data: { line: String(text.blocks[original.block]!.line) },
        span: sentence.span,
        tags: ['unnecessary'],
        related: [{ span: original.span, messageId: 'firstCopy' }],
        suggestions: [{ messageId: 'remove', edits: [{ span: sentenceRemovalSpan(text, index), newText: '' }] }],
      };
    }
  },
});

/** Copies already reported as whole paragraphs: "copy:original", or "copy:*" for exact copies. */
function pairsAlreadyReported(text: SourceTextView, nearThreshold: number): Set<string> {
  const exact = exactRepeats(text, 1);
  const keys = new Set(exact.map((r) => `${r.copy}:*`));
  // Pairs near-duplicate-paragraph reports are left to it.
  if (nearThreshold > 1) return keys;
  for (const r of nearRepeats(text, nearThreshold, nearDuplicateParagraph.meta.defaultOptions.minWords, new Set(exact.map((e) => e.copy)))) keys.add(`${r.copy}:${r.original}`);
  return keys;
}

/** The sentence with the space after it, or before it when it ends its paragraph. */
function sentenceRemovalSpan(text: SourceTextView, index: number): { start: number; end: number } {
  const sentence = text.sentences[index]!;
  const next = text.sentences[index + 1];
  if (next && next.block === sentence.block) return { start: sentence.span.start, end: next.span.start };
  const prev = text.sentences[index - 1];
  if (prev && prev.block === sentence.block) return { start: prev.span.end, end: sentence.span.end };
  return sentence.span;
}
