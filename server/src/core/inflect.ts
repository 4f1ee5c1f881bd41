/**
 * @file English inflection for lexicon terms, so one entry matches its forms ("slam", "slams",
 * "slammed", "slamming"; "aggressive", "aggressively") and a neutral alternative can be put in the
 * same form as the word it replaces ("slammed" → "criticized").
 */
export type Pos = 'adjective' | 'adverb' | 'noun' | 'verb' | 'phrase';
/** How a form was made from the base: the same transform is applied to an alternative. */
export type Transform = 'base' | 's' | 'ed' | 'ing' | 'plural' | 'ly';

const IRREGULAR: Record<string, Partial<Record<Transform, string>>> = {
  say: { s: 'says', ed: 'said' },
  tell: { ed: 'told' },
  speak: { ed: 'spoke' },
  write: { ed: 'wrote', ing: 'writing' },
  make: { ed: 'made', ing: 'making' },
  take: { ed: 'took', ing: 'taking' },
  go: { s: 'goes', ed: 'went' },
  cut: { ed: 'cut', ing: 'cutting' },
  hit: { ed: 'hit', ing: 'hitting' },
  put: { ed: 'put', ing: 'putting' },
  set: { ed: 'set', ing: 'setting' },
  fall: { ed: 'fell' },
  rise: { ed: 'rose', ing: 'rising' },
  grow: { ed: 'grew' },
  lose: { ed: 'lost', ing: 'losing' },
  win: { ed: 'won', ing: 'winning' },
  fight: { ed: 'fought' },
  seek: { ed: 'sought' },
  leave: { ed: 'left', ing: 'leaving' },
  keep: { ed: 'kept' },
  bring: { ed: 'brought' },
  buy: { ed: 'bought' },
  sell: { ed: 'sold' },
  hold: { ed: 'held' },
  meet: { ed: 'met' },
  run: { ed: 'ran', ing: 'running' },
  begin: { ed: 'began', ing: 'beginning' },
  beat: { ed: 'beat' },
  die: { ing: 'dying' },
  kill: {},
};

const VOWEL = /[aeiou]/;

/** Every form of `term` (a word or phrase) for its part of speech, with the transform that made it. */
export function formsOf(term: string, pos: Pos): { form: string; transform: Transform }[] {
  const words = term.split(' ');
  const at = pos === 'verb' ? 0 : words.length - 1;
  const head = words[at]!;
  const transforms: Transform[] = pos === 'verb' ? ['s', 'ed', 'ing'] : pos === 'noun' ? ['plural'] : pos === 'adjective' ? ['ly'] : [];
  const out = [{ form: term, transform: 'base' as Transform }];
  for (const transform of transforms) {
    for (const inflected of inflectWord(head, transform, true)) {
      const copy = [...words];
      copy[at] = inflected;
      out.push({ form: copy.join(' '), transform });
    }
  }
  return out;
}

/** A phrase put in the form `transform` (verbs inflect their first word, others their last). */
export function inflectPhrase(phrase: string, transform: Transform, pos: Pos): string {
  if (transform === 'base') return phrase;
  const words = phrase.split(' ');
  const at = pos === 'verb' ? 0 : words.length - 1;
  words[at] = inflectWord(words[at]!, transform, false)[0]!;
  return words.join(' ');
}

/**
 * Forms of one word. With `all`, both spellings where English is unsure whether a final consonant
 * doubles ("visited" but "admitted"): matching a form nobody writes costs nothing.
 */
export function inflectWord(word: string, transform: Transform, all: boolean): string[] {
  const irregular = IRREGULAR[word]?.[transform];
  if (irregular) return [irregular];
  const consonantY = /[^aeiou]y$/.test(word);
  // "qu" sounds as a consonant: "quip" doubles like "ship".
  const doubles = /(?:[^aeiou]|qu)[aeiou][^aeiouwxy]$/.test(word) && VOWEL.test(word);
  const doubled = word + word.charAt(word.length - 1);
  switch (transform) {
    case 'base':
      return [word];
    case 's':
    case 'plural':
      if (/(s|x|z|ch|sh)$/.test(word)) return [`${word}es`];
      if (consonantY) return [`${word.slice(0, -1)}ies`];
      if (transform === 'plural' && /fe?$/.test(word) && !/ff$/.test(word)) return all ? [`${word}s`, word.replace(/fe?$/, 'ves')] : [`${word}s`];
      return [`${word}s`];
    case 'ed':
      if (word.endsWith('e')) return [`${word}d`];
      if (consonantY) return [`${word.slice(0, -1)}ied`];
      if (doubles) return all ? [`${doubled}ed`, `${word}ed`] : [word.length <= 4 ? `${doubled}ed` : `${word}ed`];
      return [`${word}ed`];
    case 'ing':
      if (word.endsWith('ie')) return [`${word.slice(0, -2)}ying`];
      if (word.endsWith('e') && !word.endsWith('ee')) return [`${word.slice(0, -1)}ing`];
      if (doubles) return all ? [`${doubled}ing`, `${word}ing`] : [word.length <= 4 ? `${doubled}ing` : `${word}ing`];
      return [`${word}ing`];
    case 'ly':
      if (word.endsWith('ly')) return [word];
      if (/[^aeiou]le$/.test(word)) return [`${word.slice(0, -1)}y`];
      if (word.endsWith('ic')) return [`${word}ally`];
      if (word.endsWith('ll')) return [`${word}y`];
      if (consonantY) return [`${word.slice(0, -1)}ily`];
      return [`${word}ly`];
  }
}
