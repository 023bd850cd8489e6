/**
 * The hover card's content: a glossary note for a term, or what each known
 * version says for a difference. Built from DOM nodes only.
 */
import type { PublicEntry } from '../core/glossary';
import type { PageResult, VersionMeta } from '../shared/protocol';
import { h } from '../shared/dom';
import { t } from '../shared/i18n';
import type { DictEntry } from '../core/dictionary';
import { copyText } from '../shared/copy';
import { pinyinView } from '../shared/pinyin-view';
import { termHead, termMore } from '../shared/term-note';
import { versionLabel } from '../shared/version-label';
import type { CandidateMark, DiffMark, TermMark } from './marks';

/**
 * A term's card: compact (headword, pinyin, English, the one-line gist), the
 * rest behind "More". On a page in Traditional script the Traditional form is
 * the headword.
 */
export function termCard(m: TermMark, r: PageResult, zh: boolean): HTMLElement[] {
  const e = r.entries[m.termId] as PublicEntry | undefined;
  if (!e) return [h('p', {}, m.termId)];
  return [...termHead(e, m.traditional), termMore(e, r.entries, zh, m.traditional)];
}

/**
 * A word's card (the dictionary): when the word is also a glossary term, the
 * term's compact note first; then each dictionary entry — headword,
 * pinyin, definitions, measure words — with a star that adds it to the
 * word list.
 */
export function wordCard(
  entries: readonly DictEntry[],
  term: PublicEntry | undefined,
  traditional: boolean,
  toneColours: boolean,
  star: (e: DictEntry) => Promise<boolean>,
): HTMLElement[] {
  const out: HTMLElement[] = term ? [...termHead(term, traditional), h('hr', {})] : [];
  for (const e of entries) {
    const button = h('button', { class: 'star', title: t('cardStar'), attrs: { type: 'button', 'aria-label': t('cardStar') } }, '☆');
    button.addEventListener('click', () => {
      void star(e).then((ok) => {
        button.textContent = ok ? '★' : '☆';
        button.title = t(ok ? 'cardStarred' : 'cardCopyFailed');
      });
    });
    const head = e.traditional !== e.simplified ? `${e.simplified} ${e.traditional}` : e.simplified;
    out.push(
      h(
        'div',
        { class: 'word' },
        h('div', { class: 'head' }, h('span', { class: 'hw' }, head), ' ', pinyinView(e.pinyin, toneColours), ' ', button),
        h(
          'ol',
          { class: 'defs' },
          e.definitions.map((d) => h('li', {}, d)),
        ),
        e.classifiers.length
          ? h('div', { class: 'cl' }, t('cardMeasure'), ' ', e.classifiers.map((c) => `${c.simplified} ${c.pinyin}`).join('，'))
          : null,
      ),
    );
  }
  return out;
}

/** A numbered formulation the glossary does not hold yet: what it is, and a button to copy it. */
export function candidateCard(m: CandidateMark): HTMLElement[] {
  const copy = h('button', { class: 'copy', attrs: { type: 'button' } }, t('cardCopy'));
  copy.addEventListener('click', () => {
    void copyText(m.text).then((ok) => (copy.textContent = t(ok ? 'cardCopied' : 'cardCopyFailed')));
  });
  return [h('div', { class: 'label' }, t('cardCandidate')), h('h2', {}, m.text), h('p', {}, t('cardCandidateNote')), copy];
}

/** "title — outlet, date · 000" (the id's prefix tells apart versions that share a title); "title — news.cn 2026-12-01" for one the reader kept. */
function versionLine(v: VersionMeta | undefined, id: string, r: PageResult): string {
  if (!v) return id;
  return v.origin ? `${v.title} — ${versionLabel(r, id)}` : `${v.title} — ${v.outlet}, ${v.date} · ${id.split('_')[0]}`;
}

export function diffCard(m: DiffMark, r: PageResult): HTMLElement[] {
  const a = r.annotations;
  const first = a.differences[m.refs[0]!]!;
  const meta = new Map(r.versions.map((v) => [v.id, v]));
  const kindLabel = t(`kind_${m.kind}`) + (m.kind === 'changed' ? ` · ${t(`cat_${m.category}`)}` : '');
  const out: HTMLElement[] = [h('div', { class: 'label' }, kindLabel)];
  if (m.kind !== 'removed') {
    out.push(
      h('div', { class: 'reading page' }, h('span', { class: 'meta' }, t('cardThisPage')), h('b', { class: 'quote' }, first.pageText)),
    );
  }
  // Versions that read the same here share one entry.
  const readings = new Map<string, { d: (typeof a.differences)[number]; versions: string[] }>();
  for (const i of m.refs) {
    const d = a.differences[i]!;
    const key = d.kind === 'moved' ? `moved:${d.versionId}` : `${d.kind}:${d.otherText}`;
    const v = meta.get(d.versionId);
    const line = versionLine(v, d.versionId, r);
    const same = readings.get(key);
    if (same) same.versions.push(line);
    else readings.set(key, { d, versions: [line] });
  }
  for (const { d, versions } of readings.values()) {
    let body: HTMLElement;
    if (d.kind === 'moved') body = h('span', {}, t('cardMovedFrom', `…${d.otherBefore}`));
    else if (d.kind === 'added') body = h('span', { class: 'gone' }, t('cardNotInVersion'));
    else body = h('b', { class: 'quote' }, d.otherText);
    out.push(h('div', { class: 'reading' }, ...versions.map((x) => h('span', { class: 'meta' }, x)), body));
  }
  if (m.kind === 'removed') out.unshift(h('p', {}, t('cardRemovedHere')));
  return out;
}
