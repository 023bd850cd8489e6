/**
 * `npm run bench`: the engine's speed and size against the targets,
 * with diff-match-patch and fast-diff run on the same inputs in the same
 * process. Prints medians; nothing here asserts (these machines are noisy).
 *
 *  1. Aligning two versions (the seed files, normalized): ours vs diff-match-patch vs fast-diff.
 *  2. A page with no match: normalize + fingerprint + index lookup, per 10k characters.
 *  3. A synthetic 10,000-article corpus: index size and lookup time.
 *  4. The whole annotate() on a seed page, jieba included, and jieba's share of it.
 *  5. Term finding with the whole glossary, per 10k characters.
 *  6. The dictionary: parse time, heap, a lookup.
 */
import DiffMatchPatch from 'diff-match-patch';
import fastDiff from 'fast-diff';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { ensureDictionaryFile } from '../src/cli/dictionary-data';
import { Dictionary } from '../src/core/dictionary';
import { align } from '../src/core/align';
import { CorpusIndex } from '../src/core/corpus-index';
import { Engine } from '../src/core/engine';
import { fingerprint } from '../src/core/kgrams';
import { normalize } from '../src/core/normalize';
import { TermFinder } from '../src/core/terms';
import * as OpenCC from 'opencc-js';
import { loadCorpus, loadGlossary, ROOT } from '../src/cli/assets';
import { nodeSegmenter } from '../src/cli/jieba';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median wall time of fn in ms, after warm-up runs. */
function time(fn: () => unknown, runs: number, warm = 3): number {
  for (let i = 0; i < warm; i++) fn();
  const xs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    xs.push(performance.now() - t);
  }
  return median(xs);
}

const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
const fmt = (ms: number): string => (ms < 10 ? ms.toFixed(2) : ms.toFixed(1)) + ' ms';
const corpus = loadCorpus();
const norm = new Map(corpus.map((v) => [v.id, normalize(v.text).norm]));
const get = (prefix: string): string => [...norm].find(([id]) => id.startsWith(prefix))![1];

console.log('## 1. Aligning two versions (normalized seed files)\n');
console.log('| pair | chars | Tifa align | ops | diff-match-patch | ops | fast-diff | ops | vs dmp | vs fast-diff |');
console.log('|---|---|---|---|---|---|---|---|---|---|');
const dmp = new DiffMatchPatch();
dmp.Diff_Timeout = 0; // no time cap: the real cost of a full character diff
for (const [x, y] of [
  ['000', '001'],
  ['001', '002'],
  ['000', '002'],
]) {
  const a = get(y!);
  const b = get(x!);
  const ours = time(() => align(a, b), 30);
  const al = align(a, b)!;
  const oursOps = al.ops.filter((o) => o.kind !== 'equal').length;
  const dmpMs = time(
    () => {
      const d = dmp.diff_main(b, a);
      dmp.diff_cleanupSemantic(d);
    },
    5,
    1,
  );
  const d = dmp.diff_main(b, a);
  dmp.diff_cleanupSemantic(d);
  const fdMs = time(() => fastDiff(b, a, undefined, true), 5, 1);
  const fd = fastDiff(b, a, undefined, true);
  console.log(
    `| ${x}→${y} | ${b.length}/${a.length} | ${fmt(ours)} | ${oursOps} (${al.ops.filter((o) => o.kind === 'moved').length} moved) | ${fmt(dmpMs)} | ${d.filter((o) => o[0] !== 0).length} | ${fmt(fdMs)} | ${fd.filter((o) => o[0] !== 0).length} | ${(dmpMs / ours).toFixed(0)}× | ${(fdMs / ours).toFixed(0)}× |`,
  );
}

console.log('\n## 2. A page with no match (normalize + fingerprint + lookup)\n');
const engineIndex = CorpusIndex.build(corpus.map((v) => fingerprint(normalize(v.text).norm).hashes));
const unrelated = fs.readFileSync(`${ROOT}/tests/fixtures/unrelated.txt`, 'utf8');
let page10k = '';
while (page10k.length < 10000) page10k += unrelated;
page10k = page10k.slice(0, 10000);
const noMatch = time(() => engineIndex.candidates(fingerprint(normalize(page10k).norm)), 50);
console.log(`10,000 characters of unrelated Chinese text: ${fmt(noMatch)} per 10k characters (target ≤ 1 ms)`);

console.log('\n## 3. A synthetic 10,000-article corpus\n');
// Articles stitched from random 4–16 character pieces of the seeds plus random common characters:
// realistic character statistics and plenty of shared phrases between articles.
let seed = 12345;
const rand = (n: number): number => {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed % n;
};
const pool = [...norm.values()].join('');
const common =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处理';
const N = 10000;
const fps: Uint32Array[] = [];
let chars = 0;
let sample = '';
for (let i = 0; i < N; i++) {
  let t = '';
  const len = 1500 + rand(2000);
  while (t.length < len) {
    if (rand(3) === 0) for (let k = 0; k < 6; k++) t += common[rand(common.length)];
    else {
      const at = rand(pool.length - 20);
      t += pool.slice(at, at + 4 + rand(12));
    }
  }
  chars += t.length;
  if (i === N / 2) sample = t;
  fps.push(fingerprint(t).hashes);
}
const before = process.memoryUsage().heapUsed;
let built: CorpusIndex | undefined;
const buildMs = time(() => (built = CorpusIndex.build(fps)), 1, 0);
const big = built!;
console.log(`${N} articles, ${(chars / 1e6).toFixed(1)} M characters; index built in ${fmt(buildMs)}`);
console.log(
  `index size: ${(big.byteSize() / 1024 / 1024).toFixed(1)} MB (typed arrays; target ≤ 30 MB); heap grew ${((process.memoryUsage().heapUsed - before) / 1024 / 1024).toFixed(1)} MB`,
);
const articleFp = fingerprint(sample.slice(0, 3000));
const hit = time(() => big.candidates(articleFp), 50);
const miss = time(() => big.candidates(fingerprint(normalize(page10k).norm)), 50);
console.log(
  `lookup of a 3,000-character article that is in the corpus: ${fmt(hit)} (found: ${big.candidates(articleFp)[0]?.doc === N / 2})`,
);
console.log(`lookup of a 10,000-character page that is not: ${fmt(miss)} (target ≤ 1 ms)`);

console.log('\n## 4. annotate() on a whole seed page (jieba included)\n');
const glossary = loadGlossary();
const segT = performance.now();
const jieba = nodeSegmenter(Engine.dictionaryWords(glossary));
jieba.tokenize('预热');
console.log(`jieba start-up (wasm + ${Engine.dictionaryWords(glossary).length} glossary words): ${fmt(performance.now() - segT)}`);
// The segmenter, wrapped to see how much of annotate() is jieba.
let segMs = 0;
let segCalls = 0;
const timed = <T>(f: () => T): T => {
  const t0 = performance.now();
  const r = f();
  segMs += performance.now() - t0;
  segCalls++;
  return r;
};
const seg = { tokenize: (t: string) => timed(() => jieba.tokenize(t)), split: (t: string) => timed(() => jieba.split!(t)) };
const engine = new Engine(corpus, glossary, seg);
console.log('| page | chars | annotate() (target ≤ 10 ms) | of which jieba | jieba calls | matches | differences | terms |');
console.log('|---|---|---|---|---|---|---|---|');
for (const id of ['000', '001', '002', '003', '004']) {
  const text = corpus.find((v) => v.id.startsWith(id))!.text;
  const ms = time(() => engine.annotate(text), 20, 3);
  segMs = 0;
  segCalls = 0;
  const reps = 10;
  for (let i = 0; i < reps; i++) engine.annotate(text);
  const a = engine.annotate(text);
  console.log(
    `| ${id} | ${text.length} | ${fmt(ms)} | ${fmt(segMs / reps)} | ${Math.round(segCalls / reps)} | ${a.matches.length} | ${a.differences.length} | ${a.terms.length} |`,
  );
}

console.log(`\n## 5. Term finding with ${glossary.length} entries (variants and Traditional forms included)\n`);
const finder = new TermFinder(glossary);
const zh = [...corpus.map((v) => v.text), unrelated].join('\n');
for (const [name, text] of [
  ['seed text', zh.slice(0, 10000)],
  ['seed text in Traditional script', toTraditional(zh.slice(0, 10000))],
  ['unrelated text', page10k],
] as const) {
  // A fresh normalized text each run: jieba's windows are remembered per text, so a reused one would hide its cost.
  const ms = time(() => finder.find(normalize(text), jieba), 30, 3);
  console.log(
    `${name}: ${fmt(ms)} per 10k characters, normalization and jieba included (target ≤ 1 ms) — ${finder.find(normalize(text), jieba).length} terms`,
  );
}

console.log('\n## 6. The dictionary (CC-CEDICT), as the background loads it\n');
{
  const gz = fs.readFileSync(ensureDictionaryFile());
  const text = zlib.gunzipSync(gz).toString('utf8');
  globalThis.gc?.();
  const before = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const dict = Dictionary.parse(text);
  const parseMs = performance.now() - t0;
  globalThis.gc?.();
  const heap = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  const lookups = ['萌芽', '补贴', '外卖骑手', '中华人民共和国', '高质量发展'];
  const lookupMs = time(() => lookups.map((w) => dict.lookup(w)), 200, 20) / lookups.length;
  console.log(
    `${dict.size} entries; ${(gz.length / 1024 / 1024).toFixed(1)} MB gzipped; parse ${fmt(parseMs)} (target ≤ 400 ms with the unpacking); heap +${heap.toFixed(1)} MB${globalThis.gc ? '' : ' (run with --expose-gc for a steadier figure)'} (target ≤ 50 MB); a lookup ${(lookupMs * 1000).toFixed(1)} µs`,
  );
}

console.log('\n## 7. Reading memory: waking with 10,000 remembered articles (fake-indexeddb)\n');
{
  // Loaded here, not at the top, so the earlier sections run without an IndexedDB in scope.
  const shim: string = 'fake-indexeddb/auto'; // its types do not resolve through its "exports"
  await import(shim);
  const { VersionStore } = await import('../src/background/store');
  const { Library } = await import('../src/background/library');
  const { makeUserVersion } = await import('../src/core/user-versions');
  const store = new VersionStore('bench-memory');
  // 10,000 articles of ~3,000 characters stitched from the seeds' phrases (as in §3), stored with their fingerprints.
  const articles: string[] = [];
  for (let i = 0; i < N; i++) {
    let t = `第${i}篇。`;
    while (t.length < 3000) {
      if (rand(3) === 0) for (let k = 0; k < 6; k++) t += common[rand(common.length)];
      else {
        const at = rand(pool.length - 20);
        t += pool.slice(at, at + 4 + rand(12));
      }
    }
    articles.push(t);
  }
  const t0 = performance.now();
  const now = new Date();
  const versions = articles.map((t, i) => ({
    ...makeUserVersion(t, { title: `第${i}篇`, origin: 'read', url: `http://www.news.cn/${i}.htm` }, now),
    readAt: now.toISOString(),
  }));
  for (let i = 0; i < versions.length; i += 500) await store.addAll(versions.slice(i, i + 500));
  const filled = new Library(store);
  await filled.ready();
  await filled.save();
  console.log(`stored 10,000 articles with fingerprints and the index snapshot in ${fmt(performance.now() - t0)} (once)`);
  globalThis.gc?.();
  // the index lives in typed arrays, whose buffers sit outside the JS heap: count both
  const used = (): number => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const heapBefore = used();
  const w0 = performance.now();
  const woke = new Library(store);
  await woke.ready();
  const wakeMs = performance.now() - w0;
  // the first page after waking: a reprint of article 5,000 with an edit, looked up and its candidates' texts loaded
  const page = articles[5000]!.replace(articles[5000]!.slice(100, 104), '改动之处');
  const e0 = performance.now();
  const prepared = engine.prepare(page);
  const { extras } = await woke.extras(prepared);
  const a = engine.annotatePrepared(prepared, extras);
  const firstMs = performance.now() - e0;
  globalThis.gc?.();
  const heap = (used() - heapBefore) / 1024 / 1024;
  console.log(
    `wake (snapshot + stored keys, no text read): ${fmt(wakeMs)}; first page after waking: ${fmt(firstMs)} (found: ${a.matches[0]?.versionId === versions[5000]!.id}); together ${fmt(wakeMs + firstMs)} (target ≤ 300 ms); memory (heap and buffers) +${heap.toFixed(1)} MB (target ≤ 60 MB); index ${(woke.byteSize() / 1024 / 1024).toFixed(1)} MB`,
  );
}
