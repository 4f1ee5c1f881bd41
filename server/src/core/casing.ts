/**
 * @file Puts a replacement in the case of the text it replaces (Harper's replace_with_match_case):
 * "Slammed" → "Criticized", "SLAMMED" → "CRITICIZED", "slammed" → "criticized".
 */
export function matchCase(replacement: string, original: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = original.match(/\p{L}/u)?.[0];
  if (first && first === first.toUpperCase() && first !== first.toLowerCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}
