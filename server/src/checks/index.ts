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
import duplicateParagraph from './duplicate-paragraph';
import duplicateSentence from './duplicate-sentence';
import echo from './echo';
import loadedLanguage from './loaded-language';
import nearDuplicateParagraph from './near-duplicate-paragraph';
import redundantPhrase from './redundant-phrase';
import unattributedClaim from './unattributed-claim';
import vagueAttribution from './vague-attribution';

export const checks: readonly Check[] = [
  apStyleMonths,
  apStyleNumerals,
  apStyleOver,
  apStylePercent,
  apStyleSaid,
  apStyleTime,
  apStyleTitles,
  apStyleWordChoice,
  duplicateParagraph,
  duplicateSentence,
  echo,
  loadedLanguage,
  nearDuplicateParagraph,
  redundantPhrase,
  unattributedClaim,
  vagueAttribution,
] as readonly Check[];
