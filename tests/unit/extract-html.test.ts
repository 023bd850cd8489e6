import { describe, expect, it } from 'vitest';
import { extractHtmlText } from '../../src/cli/extract-html';

describe('extractHtmlText', () => {
  it('separates blocks and <br> with newlines and keeps inline text together', () => {
    const html =
      '<html><head><title>标题</title></head><body><h1>凝心聚力</h1><p>社会<b>工作</b>事关<br>党长期执政</p><div>最后</div></body></html>';
    expect(extractHtmlText(html)).toBe('凝心聚力\n社会工作事关\n党长期执政\n最后');
  });

  it('skips script, style, template, noscript, form fields and hidden elements', () => {
    const html = `<body><script>var x = "脚本";</script><style>p{color:red}</style><template><p>模板</p></template>
      <noscript>无脚本</noscript><textarea>输入框</textarea><select><option>选项</option></select>
      <p hidden>隐藏</p><p style="display: none">不显示</p><p style="color:red;visibility:hidden">看不见</p>
      <p aria-hidden="true">读屏隐藏</p><p>正文</p></body>`;
    expect(extractHtmlText(html)).toBe('正文');
  });

  it('collapses whitespace like a browser and survives broken markup', () => {
    expect(extractHtmlText('<p>  社会\n   工作 <p>第二段<div>未闭合')).toBe('社会 工作\n第二段\n未闭合');
    expect(extractHtmlText('')).toBe('');
    expect(extractHtmlText('<<<>>>&amp;&lt;p&gt;')).toBe('<<<>>>&<p>');
  });
});
