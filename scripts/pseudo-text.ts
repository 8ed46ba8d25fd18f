// The pseudo-locale's text: every letter accented and every vowel doubled, so a run reads as
// English yet is about a third longer (German and Finnish labels run 30-40% longer than English),
// and any text still plain ASCII on a pseudo-locale page was not drawn from the catalogue.
const ACCENTED: Record<string, string> = {
  a: 'àà', e: 'éé', i: 'îî', o: 'öö', u: 'ûû', y: 'ýý',
  A: 'ÀÀ', E: 'ÉÉ', I: 'ÎÎ', O: 'ÖÖ', U: 'ÛÛ', Y: 'ÝÝ',
  c: 'ç', n: 'ñ', s: 'š', z: 'ž', d: 'ð', g: 'ĝ', h: 'ĥ', l: 'ļ', r: 'ŕ', t: 'ţ', w: 'ŵ', k: 'ķ',
  C: 'Ç', N: 'Ñ', S: 'Š', Z: 'Ž', D: 'Ð', G: 'Ĝ', H: 'Ĥ', L: 'Ļ', R: 'Ŕ', T: 'Ţ', W: 'Ŵ', K: 'Ķ',
};

export function pseudoText(text: string): string {
  return text.replace(/[A-Za-z]/g, (letter) => ACCENTED[letter] ?? letter);
}
