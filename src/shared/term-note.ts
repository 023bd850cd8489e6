/**
 * A glossary entry as the reader sees it, built from DOM nodes: the compact
 * head (headword, pinyin, English, the one-line gist) and the full note
 * (literal meaning, explanation, origin, related terms, sources). The hover
 * card (content) shows the note behind "More"; the side panel (ui) too.
 */
import type { PublicEntry } from '../core/glossary';
import { h } from './dom';
import { t } from './i18n';

const present = (xs: (HTMLElement | null)[]): HTMLElement[] => xs.filter((x): x is HTMLElement => x !== null);

/** Headword, pinyin (with the other script's form), English and gist. `traditional`: the page writes the term in Traditional. */
export function termHead(e: PublicEntry, traditional: boolean): HTMLElement[] {
  const [head, other] = traditional ? [e.traditional, e.term] : [e.term, e.traditional];
  return present([
    h('h2', {}, head),
    h('div', {}, h('span', { class: 'py' }, e.pinyin), other !== head ? h('span', { class: 'trad' }, other) : null),
    h('div', { class: 'en' }, e.english),
    h('p', { class: 'gist' }, e.gist),
  ]);
}

/** The rest of the note behind a "More" <details> (no script needed to open it). `entries` names related terms. */
export function termMore(e: PublicEntry, entries: Record<string, unknown>, zh: boolean, traditional: boolean): HTMLElement {
  const related = e.related.map((id) => (entries[id] as PublicEntry | undefined)?.[traditional ? 'traditional' : 'term'] ?? id);
  return h(
    'details',
    { class: 'more' },
    h('summary', {}, t('cardMore')),
    ...present([
      e.literal ? h('div', {}, h('span', { class: 'label' }, t('cardLiteral')), ' ', e.literal) : null,
      h('p', {}, zh ? e.explanationZh : e.explanationEn),
      e.origin ? h('div', { class: 'label' }, t('cardOrigin')) : null,
      e.origin ? h('p', {}, e.origin) : null,
      related.length ? h('div', { class: 'label' }, t('cardRelated')) : null,
      related.length ? h('p', {}, related.join('、')) : null,
      h('div', { class: 'label' }, t('cardSources')),
      h(
        'ul',
        { class: 'src' },
        e.sources.map((s) => h('li', {}, `${s.title}. ${s.publisher}, ${s.date}.`, s.url ? h('span', {}, ' ', s.url) : null)),
      ),
    ]),
  );
}
