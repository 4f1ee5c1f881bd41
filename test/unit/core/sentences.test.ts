import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sentenceBounds } from '../../../server/src/core/sentences';

/** sentenceBounds' pairs as spans, for reading the cases. */
function splitSentences(text: string, start: number, end: number): { start: number; end: number }[] {
  const bounds: number[] = [];
  sentenceBounds(text, start, end, bounds);
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < bounds.length; i += 2) spans.push({ start: bounds[i]!, end: bounds[i + 1]! });
  return spans;
}

/** Each case: the text, and the sentences it must split into. */
const cases: [string, string[]][] = [
  ['The deal was signed in the U.S. This approach worked.', ['The deal was signed in the U.S.', 'This approach worked.']],
  ['The U.S. Senate voted on Monday.', ['The U.S. Senate voted on Monday.']],
  ['Michael E. Shifter spoke first.', ['Michael E. Shifter spoke first.']],
  ['Sen. Maria Lopez voted no. Rep. Tom Hale voted yes.', ['Sen. Maria Lopez voted no.', 'Rep. Tom Hale voted yes.']],
  ['Dr. Amy Cole met Mr. Jones.', ['Dr. Amy Cole met Mr. Jones.']],
  ['The hall opens Jan. 5 for visitors.', ['The hall opens Jan. 5 for visitors.']],
  ['The meeting starts at 9 a.m. Monday in the hall.', ['The meeting starts at 9 a.m. Monday in the hall.']],
  ['It ended at 5 p.m. The crowd left.', ['It ended at 5 p.m.', 'The crowd left.']],
  ['Growth was 3.5 percent. Prices rose.', ['Growth was 3.5 percent.', 'Prices rose.']],
  ['He paused... Then he left.', ['He paused...', 'Then he left.']],
  ['It was… fine, he said.', ['It was… fine, he said.']],
  ['She said, "It is over." Then she left.', ['She said, "It is over."', 'Then she left.']],
  ['"Is it over?" she asked.', ['"Is it over?" she asked.']],
  ['Prices rose! Markets fell? Yes.', ['Prices rose!', 'Markets fell?', 'Yes.']],
  ['It was “a disgrace.” Officials disagreed.', ['It was “a disgrace.”', 'Officials disagreed.']],
  ['The plan (approved in May.) The next step.', ['The plan (approved in May.)', 'The next step.']],
  ['Acme Inc. The firm said profits fell.', ['Acme Inc.', 'The firm said profits fell.']],
  ['Shares in Acme Inc. Rose sharply.', ['Shares in Acme Inc. Rose sharply.']],
  ['Plan B. The board agreed.', ['Plan B.', 'The board agreed.']],
  ['The team won 3-1.\nThe fans cheered.', ['The team won 3-1.', 'The fans cheered.']],
  ['No full stop at the end', ['No full stop at the end']],
  ['  Leading and trailing space.  ', ['Leading and trailing space.']],
  // The word after a stop is read past opening marks, within the 40 characters after the stop.
  ['It was in the U.S. “The best,” he said.', ['It was in the U.S.', '“The best,” he said.']],
  ['Growth in the U.S. (Excluding food) rose.', ['Growth in the U.S. (Excluding food) rose.']],
  ['It ended. ' + '('.repeat(39) + 'Then more.', ['It ended.', '('.repeat(39) + 'Then more.']],
  ['It ended. ' + '('.repeat(40) + 'Then more.', ['It ended. ' + '('.repeat(40) + 'Then more.']],
  ['Le prix. été chaud.', ['Le prix. été chaud.']],
  ['He left. Émile stayed.', ['He left.', 'Émile stayed.']],
  ['See Fig. 3 for details.', ['See Fig. 3 for details.']],
];

describe('sentenceBounds', () => {
  for (const [text, expected] of cases) {
    it(text.replace(/\n/g, '\\n'), () => {
      assert.deepEqual(
        splitSentences(text, 0, text.length).map((s) => text.slice(s.start, s.end)),
        expected,
      );
    });
  }
  it('works on a slice of a longer text and returns offsets into it', () => {
    const text = 'HEADER\nFirst one. Second one.\nFOOTER';
    const spans = splitSentences(text, 7, 29);
    assert.deepEqual(spans, [
      { start: 7, end: 17 },
      { start: 18, end: 29 },
    ]);
  });
});
