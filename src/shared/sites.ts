/**
 * Where Tifa runs without being asked: the major Chinese news sites and local
 * pages. Any other site is the reader's choice (popup → optional permission).
 */
export const NEWS_DOMAINS = [
  'news.cn',
  'xinhuanet.com',
  'people.com.cn',
  'qstheory.cn',
  'gov.cn',
  'chinadaily.com.cn',
  'cctv.com',
  'gmw.cn',
  'ce.cn',
  'china.com.cn',
  'chinanews.com.cn',
  'thepaper.cn',
  '81.cn',
  'youth.cn',
  'cyol.com',
  'cnr.cn',
  'bjnews.com.cn',
] as const;

/** Match patterns for the news sites (every subdomain, e.g. paper.people.com.cn). */
export const NEWS_SITES = NEWS_DOMAINS.flatMap((d) => [`*://${d}/*`, `*://*.${d}/*`]);

/**
 * Local pages: articles saved to disk and opened from there. Local web servers
 * (localhost, 127.0.0.1) are not included: like any other site they can be
 * enabled from the popup, so Tifa holds no standing access to them.
 */
export const LOCAL_PAGES = ['file:///*'];

/** The site key used for per-site switches: the hostname ('file' for local files). */
export function siteOf(url: string): string {
  try {
    const u = new URL(url);
    return u.protocol === 'file:' ? 'file' : u.hostname;
  } catch {
    return '';
  }
}

/** Is this hostname one of the built-in news sites? */
export function isNewsSite(host: string): boolean {
  return NEWS_DOMAINS.some((d) => host === d || host.endsWith(`.${d}`));
}
