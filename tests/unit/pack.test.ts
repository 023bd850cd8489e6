/**
 * `tifa pack DIR -o library.json`: a folder of saved pages and texts as a Tifa
 * backup file (read as the options page's importer reads files), and
 * `tifa annotate --versions library.json`; bad folders and files refused with
 * one clear message, nothing half-written.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main';
import { UsageError } from '../../src/cli/input';
import { htmlArticle } from '../../src/cli/pack-cmd';
import { makeBackup, makeUserVersion, parseBackup } from '../../src/core/user-versions';
import { B, version } from './helpers';

const article = version(B).text.split('\n').slice(2, 101).join('\n');
const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), 'tifa-pack-'));

function folder(): string {
  const dir = tmp();
  fs.writeFileSync(path.join(dir, 'b.txt'), article);
  const html = `<html><head><meta charset="gb2312"><title>社区快递驿站调查 - 人民网</title><meta property="og:site_name" content="人民网"><meta name="publishdate" content="2026-01-25"></head><body><header><nav>首页 时政 国际</nav></header><article><p>${article
    .split('\n')
    .filter((l) => l.trim())
    .slice(0, 20)
    .join('</p><p>')
    .replace('82个', '86个')}</p></article><footer>版权所有</footer></body></html>`;
  fs.writeFileSync(path.join(dir, 'page.html'), iconv.encode(html, 'gb2312'));
  const other = makeUserVersion(
    '社会工作事关党长期执政和国家长治久安，这是一段另存的文字，用来检验备份文件的合并。'.repeat(3),
    { title: '备份里的', origin: 'saved' },
    new Date(),
  );
  fs.writeFileSync(path.join(dir, 'backup.json'), JSON.stringify(makeBackup([other], new Date())));
  return dir;
}

describe('tifa pack', () => {
  it('packs texts, saved pages (any encoding, chrome left out) and backups into one backup file', () => {
    const dir = folder();
    const out = path.join(tmp(), 'library.json');
    expect(run(['pack', dir, '-o', out])).toMatch(/: 3 versions/);
    const lib = parseBackup(fs.readFileSync(out, 'utf8'));
    // a text file is named by its file name, a saved page by its own title, outlet and date
    expect(lib.versions.map((v) => v.title).sort()).toEqual(['b', '备份里的', '社区快递驿站调查']);
    const page = lib.versions.find((v) => v.title === '社区快递驿站调查')!;
    expect([page.outlet, page.date]).toEqual(['人民网', '2026-01-25']);
    expect(page.text).toContain('该辖区86个快递');
    expect(page.text).not.toMatch(/首页|版权所有/);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['library.json']); // no temporary file left
  });

  it('prints the backup when no -o is given', () => {
    expect(parseBackup(run(['pack', folder()])).versions).toHaveLength(3);
  });

  it('the library is a set of versions for tifa annotate --versions', () => {
    const out = path.join(tmp(), 'library.json');
    run(['pack', folder(), '-o', out]);
    const page = path.join(tmp(), 'page.txt');
    fs.writeFileSync(page, article.replace('82个', '86个'));
    const a = JSON.parse(run(['annotate', page, '--json', '--versions', out])) as { matches: { versionId: string }[] };
    const lib = parseBackup(fs.readFileSync(out, 'utf8'));
    const ids = lib.versions.map((v) => v.id);
    expect(a.matches.map((m) => m.versionId)).toEqual(
      expect.arrayContaining([B, ...ids.filter((_, i) => lib.versions[i]!.title !== '备份里的')]),
    );
  });

  it.each([
    ['a missing folder', (d: string) => path.join(d, 'nope'), /no such directory/],
    [
      'a file instead of a folder',
      (d: string) => (fs.writeFileSync(path.join(d, 'f.txt'), '字'), path.join(d, 'f.txt')),
      /not a directory/,
    ],
    ['an empty folder', (d: string) => d, /no files in it/],
    ['a binary file', (d: string) => (fs.writeFileSync(path.join(d, 'x.txt'), Buffer.from([0, 1, 2, 255, 0, 0])), d), /x\.txt/],
    ['JSON that is no backup', (d: string) => (fs.writeFileSync(path.join(d, 'x.json'), '{"a":1}'), d), /x\.json: not a Tifa backup/],
    ['too little Chinese', (d: string) => (fs.writeFileSync(path.join(d, 'x.txt'), 'hello world'), d), /x\.txt/],
  ])('refuses %s with one clear message (exit 2)', (_what, make, message) => {
    const dir = make(tmp());
    expect(() => run(['pack', dir])).toThrow(UsageError);
    expect(() => run(['pack', dir])).toThrow(message);
  });

  it('refuses -o to a folder, and --versions of a broken library, writing nothing', () => {
    const dir = folder();
    const outDir = tmp();
    expect(() => run(['pack', dir, '-o', outDir])).toThrow(/is a directory/);
    const bad = path.join(tmp(), 'bad.json');
    fs.writeFileSync(bad, '{"format":"tifa-versions-backup","formatVersion":1,"exportedAt":"x","versions":[{"id":1}]}');
    const page = path.join(tmp(), 'p.txt');
    fs.writeFileSync(page, article);
    expect(() => run(['annotate', page, '--versions', bad])).toThrow(/--versions .*bad\.json: corrupt Tifa backup/);
  });

  it('reads a saved page as its article: no landmarks, no metadata lines', () => {
    const { text } = htmlArticle(
      '<header>新华网</header><article><h1>标题</h1><p>来源：新华网 2026-01-25 09:30</p><p>正文第一段。</p></article><aside>相关新闻</aside><footer>版权</footer>',
    );
    expect(text).toBe('标题\n正文第一段。');
  });

  it('names a saved page by its own title, outlet and date', () => {
    const { meta } = htmlArticle(
      '<html><head><title>两会观察：新质生产力_新华网</title><meta property="og:site_name" content="新华网">' +
        '<meta name="pubdate" content="2026-03-05 08:30:00"></head><body><p>正文。</p></body></html>',
    );
    expect(meta).toEqual({ title: '两会观察：新质生产力', outlet: '新华网', date: '2026-03-05' });
  });
});
