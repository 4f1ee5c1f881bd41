/**
 * @file Flags a sentence that already appeared in another paragraph, when the paragraphs themselves
 * differ: a fact or quote pasted twice reads as an editing slip.
 */
import { defineCheck } from '../core/defineCheck';
import { BlockSummaries } from '../core/blockSummaries';
import { exactRepeats, nearRepeats, sentenceKeysOf } from '../core/repeats';
import { SentenceIndex, type BlockSentences } from '../core/sentenceIndex';
import { blockSegments } from '../core/segments';
import { TextMemo } from '../core/textMemo';
import { UNNECESSARY, type SourceTextView, type Span } from '../core/types';
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
    // so a run after a keystroke is a walk over key numbers, not a segmentation of the draft.
    const perBlock = blockSentences.of(text);
    for (const { block, index, firstBlock, firstIndex } of sentenceIndex.repeats(perBlock, options.minWords)) {
      if (covered.has(pairKey(text, block, firstBlock)) || covered.has(pairKey(text, block, -1))) continue;
      yield {
        messageId: 'duplicate',
        data: { line: String(text.layout.lineAt(firstBlock)) },
        span: spanOf(text, perBlock, block, index),
        tags: UNNECESSARY,
        related: [{ span: spanOf(text, perBlock, firstBlock, firstIndex), messageId: 'firstCopy' }],
        suggestions: [{ messageId: 'remove', edits: [{ span: sentenceRemovalSpan(text, perBlock, block, index), newText: '' }] }],
      };
    }
  },
});

const keyMemo = new TextMemo<BlockSentences>();
const blockSentences = new BlockSummaries((block) => sentenceKeys(block.text));
/** Kept across versions of the draft being typed in (another draft, or other settings, rebuild it). */
const sentenceIndex = new SentenceIndex();

function sentenceKeys(blockProse: string): BlockSentences {
  return keyMemo.get(blockProse, (prose) => {
    const { sentences: spans, words } = blockSegments(prose);
    return { spans, keys: sentenceKeysOf(prose, spans, words) };
  });
}

function spanOf(text: SourceTextView, perBlock: readonly BlockSentences[], block: number, index: number): Span {
  const at = text.layout.startAt(block);
  const { spans } = perBlock[block]!;
  return { start: at + spans[2 * index]!, end: at + spans[2 * index + 1]! };
}

/** Copies already reported as whole paragraphs: a copy and its original, or (original -1) an exact copy of any. */
function pairsAlreadyReported(text: SourceTextView, nearThreshold: number): Set<number> {
  const exact = exactRepeats(text, 1);
  const keys = new Set<number>();
  for (const r of exact) keys.add(pairKey(text, r.copy, -1));
  // Pairs near-duplicate-paragraph reports are left to it.
  if (nearThreshold > 1) return keys;
  for (const r of nearRepeats(text, nearThreshold, nearDuplicateParagraph.meta.defaultOptions.minWords, new Set(exact.map((e) => e.copy)))) keys.add(pairKey(text, r.copy, r.original));
  return keys;
}

/**
 * A pair of block indices as one number (a small integer on a 10,000-block draft): a string
 * "copy:original" built for each exact copy and twice for each repeated sentence was ~1,000
 * strings a keystroke on the 4 MB draft.
 */
function pairKey(text: SourceTextView, copy: number, original: number): number {
  return copy * (text.layout.length + 1) + original + 1;
}

/** The sentence with the space after it, or before it when it ends its paragraph. */
function sentenceRemovalSpan(text: SourceTextView, perBlock: readonly BlockSentences[], block: number, index: number): Span {
  const sentence = spanOf(text, perBlock, block, index);
  const count = perBlock[block]!.keys.length;
  if (index + 1 < count) return { start: sentence.start, end: spanOf(text, perBlock, block, index + 1).start };
  if (index > 0) return { start: spanOf(text, perBlock, block, index - 1).end, end: sentence.end };
  return sentence;
}
