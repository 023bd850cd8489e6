/**
 * Check glossary entry files one by one, as an author writes them: schema,
 * pinyin against pinyin-pro, the traditional form against OpenCC, examples
 * containing a form of the term, and the engine (real jieba) finding the
 * term in each example sentence, no source on a host listed in
 * assets/glossary/unrelated-hosts.txt. `related` ids must exist among the entries
 * or in an optional list of planned ids (--planned FILE, ids in column 2).
 *
 *   npx tsx scripts/glossary-check.ts [--planned plan.tsv] FILE.json...
 */
import fs from 'node:fs';
import path from 'node:path';
import * as OpenCC from 'opencc-js';
import { pinyin } from 'pinyin-pro';
import * as v from 'valibot';
import { GLOSSARY_DIR, hostOf, unrelatedHosts } from '../src/cli/assets';
import { nodeSegmenter } from '../src/cli/jieba';
import { EntrySchema, issueLines, type GlossaryEntry } from '../src/core/glossary';
import { normalize } from '../src/core/normalize';
import { TermFinder } from '../src/core/terms';

const toTraditional = OpenCC.Converter({ from: 'cn', to: 't' });
const unrelated = unrelatedHosts();
const han = (s: string): string => s.replace(/[^\p{Script=Han}]/gu, '');

const args = process.argv.slice(2);
const known = new Set(
  fs
    .readdirSync(GLOSSARY_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -5)),
);
const pi = args.indexOf('--planned');
if (pi >= 0) {
  for (const line of fs.readFileSync(args[pi + 1]!, 'utf8').split('\n')) {
    const id = line.split('\t')[1];
    if (id) known.add(id.trim());
  }
  args.splice(pi, 2);
}

let bad = 0;
const entries: GlossaryEntry[] = [];
for (const file of args) {
  const problems: string[] = [];
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    problems.push(`not JSON: ${(e as Error).message}`);
  }
  const r = v.safeParse(EntrySchema, data);
  if (data !== undefined && !r.success) problems.push(...issueLines(r.issues));
  if (r.success) {
    const e = r.output;
    entries.push(e);
    if (path.basename(file) !== `${e.id}.json`) problems.push(`file name should be ${e.id}.json`);
    const py = pinyin(han(e.term), { toneType: 'symbol' }).replace(/\s+/g, '');
    if (!e.overrides?.pinyin && e.pinyin.replace(/[\s0-9+']+/g, '') !== py)
      problems.push(`pinyin: pinyin-pro says "${py}" (or add overrides.pinyin with the reason)`);
    const tr = toTraditional(e.term);
    if (!e.overrides?.traditional && e.traditional !== tr) problems.push(`traditional: OpenCC says "${tr}" (or add overrides.traditional)`);
    for (const s of e.sources)
      if (s.url && unrelated.has(hostOf(s.url)))
        problems.push(`source on an unrelated site (assets/glossary/unrelated-hosts.txt): ${s.url}`);
    for (const rel of e.related) if (!known.has(rel)) problems.push(`related id "${rel}" is neither an entry nor planned`);
    for (const x of e.examples)
      if (![e.term, ...e.variants].some((f) => x.text.includes(f))) problems.push(`example contains no form of the term: ${x.text}`);
    const en = e.explanationEn.split(/(?<=[.!?])\s+(?=[A-Z'"‘“(])/).length;
    const zh = e.explanationZh.split(/(?<=[。！？])/).filter((s) => s.trim()).length;
    if (en < 2 || en > 5 || zh < 2 || zh > 5) problems.push(`explanations must be 2–5 sentences (en ${en}, zh ${zh})`);
  }
  if (problems.length) {
    bad++;
    console.log(`✗ ${file}\n    ${problems.join('\n    ')}`);
  }
}
// The engine must find each term in its own example sentences (word boundaries by jieba).
const finder = new TermFinder(entries);
const seg = nodeSegmenter(finder.dictionaryWords());
for (const e of entries) {
  for (const x of e.examples) {
    const ids = finder.find(normalize(x.text), seg).map((t) => t.termId);
    if (!ids.includes(e.id)) {
      bad++;
      console.log(`✗ ${e.id}: the engine does not find the term in its example "${x.text}" (found: ${ids.join(', ') || 'nothing'})`);
    }
  }
}
console.log(bad ? `${bad} problem(s)` : `${args.length} file(s) OK`);
process.exit(bad ? 1 : 0);
