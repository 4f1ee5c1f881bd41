/**
 * @file Flags a sentence that already appeared in another paragraph, when the paragraphs themselves
 * differ: a fact or quote pasted twice reads as an editing slip.
 */
import { defineCheck } from '../core/defineCheck';
import { exactRepeats, foldedKey, nearRepeats } from '../core/repeats';
import { blockSegments } from '../core/segments';
import { TextMemo } from '../core/textMemo';
import type { SourceTextView, Span } from '../core/types';
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
    // Each paragraph's sentences and their comparison keys are remembered by the paragraph's text,
    // so a run after a keystroke is a walk over keys, not a segmentation of the draft.
    const perBlock = text.blocks.map((b) => sentenceKeys(b.text));
    const first = new Map<string, { block: number; index: number }>();
    for (const [block, sentences] of perBlock.entries()) {
      for (const [index, sentence] of sentences.entries()) {
        if (sentence.words < options.minWords) continue;
        const earlier = first.get(sentence.key);
        if (!earlier) {
          first.set(sentence.key, { block, index });
          continue;
        }
        if (earlier.block === block || covered.has(`${block}:${earlier.block}`) || covered.has(`${block}:*`)) continue;
        yield {
          messageId: 'duplicate',
          data: { line: String(text.blocks[earlier.block]!.line) },
          span: spanOf(text, perBlock, block, index),
          tags: ['unnecessary'],
          related: [{ span: spanOf(text, perBlock, earlier.block, earlier.index), messageId: 'firstCopy' }],
          suggestions: [{ messageId: 'remove', edits: [{ span: sentenceRemovalSpan(text, perBlock, block, index), newText: '' }] }],
        };
      }
    }
  },
});

interface SentenceKey {
  /** From the block's start. */
  readonly start: number;
  readonly end: number;
  readonly key: string;
  readonly words: number;
}

const keyMemo = new TextMemo<readonly SentenceKey[]>();

function sentenceKeys(blockProse: string): readonly SentenceKey[] {
  return keyMemo.get(blockProse, (prose) => {
    const pairs = blockSegments(prose).sentences;
    const out: SentenceKey[] = [];
    for (let i = 0; i < pairs.length; i += 2) {
      const start = pairs[i]!;
      const end = pairs[i + 1]!;
      out.push({ start, end, ...foldedKey(prose.slice(start, end)) });
    }
    return out;
  });
}

function spanOf(text: SourceTextView, perBlock: readonly (readonly SentenceKey[])[], block: number, index: number): Span {
  const at = text.blocks[block]!.span.start;
  const s = perBlock[block]![index]!;
  return { start: at + s.start, end: at + s.end };
}

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
function sentenceRemovalSpan(text: SourceTextView, perBlock: readonly (readonly SentenceKey[])[], block: number, index: number): Span {
  const sentence = spanOf(text, perBlock, block, index);
  const count = perBlock[block]!.length;
  if (index + 1 < count) return { start: sentence.start, end: spanOf(text, perBlock, block, index + 1).start };
  if (index > 0) return { start: spanOf(text, perBlock, block, index - 1).end, end: sentence.end };
  return sentence;
}
