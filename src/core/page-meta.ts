/**
 * A saved page's title, outlet and date, from its <title> and <meta> tags, so
 * that imported pages and packed libraries are listed by what they are, not
 * by their file names. Pure: the caller parses the HTML (DOMParser in the
 * extension, parse5 in the CLI) and hands in the tags.
 */

export interface PageMeta {
  title: string;
  outlet: string;
  /** YYYY-MM-DD, or '' when the page gives none. */
  date: string;
}

/** The first of these tags (by name or property, compared in lower case) that has content wins. */
const TITLE_TAGS = ['og:title', 'twitter:title'];
const OUTLET_TAGS = ['og:site_name', 'application-name', 'publisher', 'source'];
// Chinese news sites use several: people.cn "publishdate", xinhuanet "pubdate", many CMSs "PubDate" or "publishtime".
const DATE_TAGS = [
  'article:published_time',
  'og:article:published_time',
  'publishdate',
  'pubdate',
  'publishtime',
  'publish_date',
  'published_time',
  'dc.date.issued',
  'dc.date',
  'date',
];

/** 2024-03-05, 2024/3/5, 2024年3月5日, 2024-03-05T08:00:00+08:00 → 2024-03-05; anything else → ''. */
export function isoDay(s: string): string {
  const m = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(s);
  if (!m) return '';
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || y < 1900) return '';
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** A site's suffix on a title ("标题_新华网", "Title - People's Daily Online"), when the outlet is that site. */
function withoutSiteSuffix(title: string, outlet: string): string {
  if (!outlet) return title;
  const m = /^(.+?)\s*[-_|｜—–]+\s*([^-_|｜—–]+)$/u.exec(title);
  return m && m[2]!.trim() === outlet ? m[1]!.trim() : title;
}

/**
 * `title`: the document's <title>; `metas`: [name or property, content] of
 * its <meta> tags in document order.
 */
export function pageMeta(title: string, metas: readonly (readonly [string, string])[]): PageMeta {
  const tags = new Map<string, string>();
  for (const [k, v] of metas) {
    const key = k.trim().toLowerCase();
    const value = v.replace(/\s+/g, ' ').trim();
    if (key && value && !tags.has(key)) tags.set(key, value);
  }
  const first = (keys: readonly string[]): string => keys.map((k) => tags.get(k)).find(Boolean) ?? '';
  const outlet = first(OUTLET_TAGS).replace(/^来源[:：]\s*/u, '');
  const date = DATE_TAGS.map((k) => isoDay(tags.get(k) ?? '')).find(Boolean) ?? '';
  const t = first(TITLE_TAGS) || title.replace(/\s+/g, ' ').trim();
  return { title: withoutSiteSuffix(t, outlet).slice(0, 500), outlet: outlet.slice(0, 200), date };
}
