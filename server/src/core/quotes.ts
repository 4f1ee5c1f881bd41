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
  for (let i = start; i < end; i++) {
    // Only a quote mark can open or close a quotation: every other character is passed over
    // without a look at its neighbours (a draft has a few marks per thousand characters).
    if (!isQuoteMark(prose.charCodeAt(i))) continue;
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

/** " ' “ ” ‘ ’ « »: the characters the loop above acts on. */
function isQuoteMark(c: number): boolean {
  return c === 0x22 || c === 0x27 || c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0xab || c === 0xbb;
}
