/**
 * @file The registry: every check Copydesk runs, one import and one entry each, in id order
 * (registry.test.ts keeps it sorted and in step with the files, tests, docs and settings).
 */
import type { Check } from '../core/types';
import duplicateParagraph from './duplicate-paragraph';
import duplicateSentence from './duplicate-sentence';
import loadedLanguage from './loaded-language';
import nearDuplicateParagraph from './near-duplicate-paragraph';
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
  duplicateParagraph, duplicateSentence, loadedLanguage, nearDuplicateParagraph, unattributedClaim, vagueAttribution,
  writeGoodAdverb, writeGoodCliches, writeGoodEPrime, writeGoodIllusion, writeGoodPassive, writeGoodSo, writeGoodThereIs, writeGoodTooWordy, writeGoodWeasel,
] as readonly Check[];
