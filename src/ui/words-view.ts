/**
 * The word list in the side panel: the words the reader starred on
 * dictionary cards, newest last, each with the sentence it was met in; remove
 * one; export all as Anki TSV or CSV (the vocabulary exporters).
 */
import { rowsCsv, rowsTsv } from '../core/exports';
import type { Word } from '../core/word-record';
import { wordRows } from '../core/words';
import { copyText } from '../shared/copy';
import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import { pinyinView } from '../shared/pinyin-view';
import { ask, download } from './library';

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
  const exports = (
    [
      ['anki', 'exportWordsAnki', 'tifa-words.tsv', 'text/tab-separated-values', () => rowsTsv(wordRows(words))],
      ['csv', 'exportWordsCsv', 'tifa-words.csv', 'text/csv', () => rowsCsv(wordRows(words))],
    ] as const
  ).map(([id, label, file, type, make]) => {
    const copy = h('button', { attrs: { type: 'button' } }, t('panelCopy'));
    copy.addEventListener('click', () => void copyText(make()).then((ok) => (copy.textContent = t(ok ? 'panelCopied' : 'cardCopyFailed'))));
    return h(
      'li',
      { class: 'row', attrs: { 'data-words-format': id } },
      h('span', {}, t(label)),
      ' ',
      copy,
      ' ',
      h('button', { attrs: { type: 'button' }, on: { click: () => download(file, make(), type) } }, t('panelDownload')),
    );
  });
  return [heading, h('ul', { class: 'list', attrs: { id: 'words' } }, items), h('ul', { class: 'list' }, exports)];
}
