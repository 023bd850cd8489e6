/**
 * The word list in the side panel: the words the reader starred on
 * dictionary cards, newest last, each with the sentence it was met in; remove
 * one; export all as Anki TSV or CSV (the vocabulary exporters).
 */
import { rowsCsv, rowsTsv } from '../core/exports';
import type { Word } from '../core/word-record';
import { wordRows } from '../core/words';
import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import { pinyinView } from '../shared/pinyin-view';
import { exportRow } from './export-row';
import { ask } from './library';

/** The word-list section; `changed` redraws the panel after a removal. */
export async function wordsSection(toneColours: boolean, changed: () => void): Promise<HTMLElement[]> {
  let words: Word[];
  try {
    words = await ask<Word[]>({ type: 'listWords' });
  } catch {
    return [];
  }
  const heading = h('h2', { attrs: { id: 'words-heading' } }, t('panelWords', words.length));
  if (!words.length) return [heading, h('p', { class: 'muted', attrs: { id: 'words-empty' } }, t('panelWordsEmpty'))];
  const items = words.map((w) =>
    h(
      'li',
      { class: 'word-item', attrs: { 'data-id': w.id } },
      h(
        'div',
        {},
        h('span', { class: 'term' }, w.traditional && w.traditional !== w.simplified ? `${w.simplified} ${w.traditional}` : w.simplified),
        pinyinView(w.pinyin, toneColours),
        ' ',
        w.definitions.slice(0, 3).join('; '),
        ' ',
        h(
          'button',
          { class: 'remove', attrs: { type: 'button' }, on: { click: () => void ask({ type: 'deleteWord', id: w.id }).then(changed) } },
          t('wordRemove'),
        ),
      ),
      w.sentence ? h('div', { class: 'muted' }, w.sentence) : null,
    ),
  );
  const exports = [
    {
      id: 'anki',
      label: 'exportWordsAnki',
      file: 'tifa-words.tsv',
      type: 'text/tab-separated-values',
      make: () => rowsTsv(wordRows(words)),
    },
    { id: 'csv', label: 'exportWordsCsv', file: 'tifa-words.csv', type: 'text/csv', make: () => rowsCsv(wordRows(words)) },
  ].map(({ id, ...f }) => exportRow({ attr: ['data-words-format', id], ...f }));
  return [heading, h('ul', { class: 'list', attrs: { id: 'words' } }, items), h('ul', { class: 'list' }, exports)];
}
