/**
 * Which elements carry no page text and which start a block: one list for
 * both extractions, the live DOM's (src/content/extract.ts) and saved HTML's
 * (src/cli/extract-html.ts), so the CLI and the extension see the same text.
 * Lower-case local names.
 */

/** Elements whose content is never page text. */
export const SKIP_TAGS: ReadonlySet<string> = new Set([
  'head',
  'script',
  'style',
  'template',
  'noscript',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'textarea',
  'select',
  'input',
  'button',
  'option',
]);

/** Elements that start a new block (CSS display: block and friends, by default). */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** ARIA landmark roles that are page chrome, never the article. */
const CHROME_ROLES: ReadonlySet<string> = new Set(['banner', 'navigation', 'complementary', 'contentinfo', 'search']);

/** Elements inside which a <header> or <footer> belongs to that content, not to the page (HTML-AAM). */
export const SECTIONING_SELECTOR = 'article, aside, main, nav, section';

/** Elements that hold the main content; a landmark wrapped around one of them is not chrome. */
export const MAIN_SELECTOR = 'article, main, [role="main"], [role="article"]';

/**
 * Is this element page chrome (a landmark: site header, navigation, side
 * column, footer)? An explicit ARIA role decides first; <header> and
 * <footer> count only at page level (`sectioned`: inside an article,
 * section, aside, nav or main they are that content's own). The caller
 * rules out landmarks that wrap the main content (MAIN_SELECTOR).
 */
export function isChromeElement(tag: string, role: string | undefined, sectioned: boolean): boolean {
  const first = role?.trim().split(/\s+/)[0]?.toLowerCase();
  if (first) return CHROME_ROLES.has(first);
  if (tag === 'nav' || tag === 'aside') return true;
  if (tag === 'header' || tag === 'footer') return !sectioned;
  return false;
}
