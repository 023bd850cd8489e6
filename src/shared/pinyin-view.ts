/**
 * Pinyin as readers see it on a card or in the word list: one span per
 * syllable, in tone colours when the reader wants them (1 red, 2 orange,
 * 3 green, 4 blue, neutral grey: the colours Pleco and Zhongwen use).
 */
import { h } from './dom';

const TONES: [RegExp, number][] = [
  [/[āēīōūǖĀĒĪŌŪǕ]/, 1],
  [/[áéíóúǘÁÉÍÓÚǗ]/, 2],
  [/[ǎěǐǒǔǚǍĚǏǑǓǙ]/, 3],
  [/[àèìòùǜÀÈÌÒÙǛ]/, 4],
];

/** The tone of a syllable written with tone marks (5: neutral or none). */
export function toneOf(syllable: string): number {
  for (const [re, tone] of TONES) if (re.test(syllable)) return tone;
  return 5;
}

/** A pinyin element; with `colours`, each syllable is a span of class t1…t5. */
export function pinyinView(pinyin: string, colours: boolean): HTMLElement {
  if (!colours) return h('span', { class: 'py' }, pinyin);
  const parts = pinyin.split(' ').flatMap((s, i) => [i ? ' ' : '', h('span', { class: `t${toneOf(s)}` }, s)]);
  return h('span', { class: 'py tones' }, ...parts);
}
