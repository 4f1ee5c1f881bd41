/**
 * @file The registry: every check Copydesk runs, one import and one entry each, in id order
 * (registry.test.ts keeps it sorted and in step with the files, tests, docs and settings).
 */
import type { Check } from '../core/types';
import apStyleMonths from './ap-style/months';
import apStyleNumerals from './ap-style/numerals';
import apStyleOver from './ap-style/over';
import apStylePercent from './ap-style/percent';
import apStyleSaid from './ap-style/said';
import apStyleTime from './ap-style/time';
import apStyleTitles from './ap-style/titles';
import apStyleWordChoice from './ap-style/word-choice';
import doubleSpace from './double-space';
import duplicateParagraph from './duplicate-paragraph';
import duplicateSentence from './duplicate-sentence';
import echo from './echo';
import headlineLength from './headline-length';
import ledeLength from './lede-length';
import loadedLanguage from './loaded-language';
import mixedQuotes from './mixed-quotes';
import nearDuplicateParagraph from './near-duplicate-paragraph';
import paragraphLength from './paragraph-length';
import redundantPhrase from './redundant-phrase';
import reusedParagraph from './reused-paragraph';
import sentenceLength from './sentence-length';
import spaceBeforePunctuation from './space-before-punctuation';
import unattributedClaim from './unattributed-claim';
import vagueAttribution from './vague-attribution';
import writeGoodAdverb from './write-good/adverb';
import writeGoodCliches from './write-good/cliches';
import writeGoodEPrime from './write-good/e-prime';
import writeGoodIllusion from './write-good/illusion';
import writeGoodPassive from './write-good/passive';
import writeGoodSo from './write-good/so';
import writeGoodThereIs from './write-good/there-is';
import writeGoodTooWordy from './write-good/too-wordy';
import writeGoodWeasel from './write-good/weasel';

export const checks: readonly Check[] = [
  apStyleMonths,
  apStyleNumerals,
  apStyleOver,
  apStylePercent,
  apStyleSaid,
  apStyleTime,
  apStyleTitles,
  apStyleWordChoice,
  doubleSpace,
  duplicateParagraph,
  duplicateSentence,
  echo,
  headlineLength,
  ledeLength,
  loadedLanguage,
  mixedQuotes,
  nearDuplicateParagraph,
  paragraphLength,
  redundantPhrase,
  reusedParagraph,
  sentenceLength,
  spaceBeforePunctuation,
  unattributedClaim,
  vagueAttribution,
  writeGoodAdverb,
  writeGoodCliches,
  writeGoodEPrime,
  writeGoodIllusion,
  writeGoodPassive,
  writeGoodSo,
  writeGoodThereIs,
  writeGoodTooWordy,
  writeGoodWeasel,
] as readonly Check[];
