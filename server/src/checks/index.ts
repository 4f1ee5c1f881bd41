/**
 * @file The registry: every check Copydesk runs, one import and one entry each, in id order
 * (registry.test.ts keeps it sorted and in step with the files, tests, docs and settings).
 */
import type { Check } from '../core/types';
import doubleSpace from './double-space';
import duplicateParagraph from './duplicate-paragraph';
import duplicateSentence from './duplicate-sentence';
import headlineLength from './headline-length';
import ledeLength from './lede-length';
import loadedLanguage from './loaded-language';
import mixedQuotes from './mixed-quotes';
import nearDuplicateParagraph from './near-duplicate-paragraph';
import paragraphLength from './paragraph-length';
import sentenceLength from './sentence-length';
import spaceBeforePunctuation from './space-before-punctuation';
import unattributedClaim from './unattributed-claim';
import vagueAttribution from './vague-attribution';

export const checks: readonly Check[] = [
  doubleSpace,
  duplicateParagraph,
  duplicateSentence,
  headlineLength,
  ledeLength,
  loadedLanguage,
  mixedQuotes,
  nearDuplicateParagraph,
  paragraphLength,
  sentenceLength,
  spaceBeforePunctuation,
  unattributedClaim,
  vagueAttribution,
] as readonly Check[];
