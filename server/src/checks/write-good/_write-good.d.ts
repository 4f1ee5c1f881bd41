/** write-good 1.0.8 ships no types; this is the part of its API the adapter uses. */
declare module 'write-good' {
  interface WriteGoodSuggestion {
    /** UTF-16 offset of the flagged text in the string passed in. */
    index: number;
    /** Length of the flagged text. */
    offset: number;
    /** '"<text>" <explanation>', merged with " and …" when two sub-checks flag the same span. */
    reason: string;
  }
  type WriteGoodCheck = 'passive' | 'illusion' | 'so' | 'thereIs' | 'weasel' | 'adverb' | 'tooWordy' | 'cliches' | 'eprime';
  /** Every check is on unless set to false, except eprime, which is off unless set to true. */
  type WriteGoodOptions = Partial<Record<WriteGoodCheck, boolean>> & { whitelist?: string[] };
  function writeGood(text: string, options?: WriteGoodOptions): WriteGoodSuggestion[];
  export = writeGood;
}
