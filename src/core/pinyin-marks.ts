/**
 * CC-CEDICT writes pinyin with tone numbers (shu1 jing1, lu:4, er5); readers
 * want tone marks (shū jīng, lǜ, er). The rule: the mark goes on a or e if
 * there is one, on the o of "ou", else on the last vowel; u: is ü; tone 5
 * (neutral) has no mark. Syllables that are not pinyin (letters, digits in
 * names such as "3C") are left as they are.
 */

const MARKS: Record<string, string> = {
  a: 'āáǎà',
  e: 'ēéěè',
  i: 'īíǐì',
  o: 'ōóǒò',
  u: 'ūúǔù',
  ü: 'ǖǘǚǜ',
};

/** One syllable with a tone number (or none) to tone marks. */
function syllable(s: string): string {
  const m = /^([a-zA-ZüÜ:]+?)([1-5])$/.exec(s);
  if (!m) return s.replace(/u:/g, 'ü').replace(/U:/g, 'Ü');
  const body = m[1]!.replace(/u:/g, 'ü').replace(/U:/g, 'Ü');
  const tone = Number(m[2]);
  if (tone === 5) return body;
  const lower = body.toLowerCase();
  let at = lower.search(/[ae]/);
  if (at < 0) at = lower.indexOf('ou');
  if (at < 0) {
    for (let i = lower.length - 1; i >= 0; i--) {
      if ('iouü'.includes(lower[i]!)) {
        at = i;
        break;
      }
    }
  }
  if (at < 0) return body; // no vowel (m2, ng2 …): leave the letters
  const v = lower[at]!;
  const marked = MARKS[v]![tone - 1]!;
  return body.slice(0, at) + (body[at] === v ? marked : marked.toUpperCase()) + body.slice(at + 1);
}

/** "shu1 jing1" → "shū jīng"; every space-separated syllable converted. */
export function toneMarks(numbered: string): string {
  return numbered
    .split(' ')
    .map((s) => syllable(s))
    .join(' ');
}
