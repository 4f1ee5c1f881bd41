/**
 * @file Direct quotations: the source's words, which checks of the writer's voice leave alone.
 *
 * Curly marks are unambiguous; a straight " opens after a space, a bracket or a dash and closes
 * otherwise; single marks (British style) open only after a space and close only before a
 * non-letter, so "don't" and "players' union" stay apostrophes. A quotation still open at the
 * end of a block ends there: newsroom style opens every paragraph of a multi-paragraph quote
 * with a fresh mark, which starts the next part. A single-quoted passage may hold a double-quoted
 * one, so quotations can nest.
 */
const OPENS_AFTER = /[\s([{\u2014\u2013\-"“‘'«]/u;

/**
 * The quotations of the block prose[start, end) as [start, end, …] pairs appended to `out`: a
 * draft's segmentation keeps only their offsets (an object and a copy of its text per quotation
 * were made and dropped at once).
 */
export function quoteBounds(prose: string, start: number, end: number, out: number[]): void {
  let double = -1;
  let single = -1;
  // Only a quote mark can open or close a quotation, and a draft has a few per thousand
  // characters: the expression finds the next one natively. A loop asking of every character
  // ran uncompiled through most of a first look (~1 million calls on 1 MB).
  QUOTE_MARK.lastIndex = start;
  while (QUOTE_MARK.test(prose)) {
    const i = QUOTE_MARK.lastIndex - 1;
    if (i >= end) break;
    const c = prose.charAt(i);
    const prev = i > start ? prose.charAt(i - 1) : ' ';
    const next = i + 1 < end ? prose.charAt(i + 1) : ' ';
    const opening = OPENS_AFTER.test(prev);
    if (c === '“' || c === '«' || (c === '"' && opening && double < 0)) {
      if (double < 0) double = i;
    } else if (c === '”' || c === '»' || c === '"') {
      if (double >= 0) {
        out.push(double, i + 1);
        double = -1;
      }
    } else if ((c === '‘' || c === "'") && opening && /\S/u.test(next) && double < 0 && single < 0) {
      single = i;
    } else if ((c === '’' || c === "'") && single >= 0 && !/[\p{L}\p{N}]/u.test(next) && double < 0) {
      out.push(single, i + 1);
      single = -1;
    }
  }
  const open = double >= 0 ? double : single;
  if (open >= 0) out.push(open, end);
}

/** " ' “ ” ‘ ’ « »: the characters the loop above acts on (global: test() moves lastIndex past each, making no match object). */
const QUOTE_MARK = /["'\u201c\u201d\u2018\u2019\u00ab\u00bb]/gu;
