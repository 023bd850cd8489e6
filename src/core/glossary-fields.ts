/** The public fields of a glossary entry, in documented order: what `tifa glossary --json` prints and what pages receive. */
export const PUBLIC_FIELDS = [
  'id',
  'term',
  'traditional',
  'variants',
  'pinyin',
  'english',
  'gist',
  'literal',
  'category',
  'explanationEn',
  'explanationZh',
  'origin',
  'related',
  'sources',
] as const;
