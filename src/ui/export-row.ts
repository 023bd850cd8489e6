/** One export format as a list row, the same in every panel: its label, Copy and Download. */
import { copyText } from '../shared/copy';
import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import { download } from './library';

export interface ExportFormat {
  /** Marks the row for tests and styles: [attribute, value], e.g. ['data-format', 'anki']. */
  attr: readonly [string, string];
  /** Message key of the label. */
  label: string;
  file: string;
  type: string;
  /** Made when asked for, so a panel with many formats does no work until a click. */
  make: () => string;
}

export function exportRow(f: ExportFormat): HTMLElement {
  const copy = h('button', { attrs: { type: 'button' } }, t('panelCopy'));
  // The button says whether it worked (copyText falls back to a copy event where the Clipboard API is refused).
  copy.addEventListener('click', () => void copyText(f.make()).then((ok) => (copy.textContent = t(ok ? 'cardCopied' : 'cardCopyFailed'))));
  return h(
    'li',
    { class: 'row', attrs: { [f.attr[0]]: f.attr[1] } },
    h('span', {}, t(f.label)),
    ' ',
    copy,
    ' ',
    h('button', { attrs: { type: 'button' }, on: { click: () => download(f.file, f.make(), f.type) } }, t('panelDownload')),
  );
}
