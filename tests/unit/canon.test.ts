/**
 * The canon: the formulations a student of Chinese policy language meets on
 * every page are in the glossary (as a term or a variant) and are marked in
 * real sentences, in their abbreviated, expanded and quoted forms.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/core/normalize';
import { TermFinder } from '../../src/core/terms';
import { engine, glossary, segmenter } from './helpers';

const MUST = `习近平新时代中国特色社会主义思想 两个确立 两个维护 四个意识 四个自信 中华民族伟大复兴 中国梦 两个一百年 全面建成小康社会
以人民为中心 全过程人民民主 自我革命 八项规定 五位一体 四个全面 新发展理念 新发展格局 高质量发展 供给侧结构性改革 统筹发展和安全
总体国家安全观 共同富裕 乡村振兴 三农 碳达峰 碳中和 美丽中国 绿水青山就是金山银山 人类命运共同体 九二共识 两个毫不动摇
房子是用来住的、不是用来炒的 放管服 六稳 六保 稳中求进 精准扶贫 脱贫攻坚 科教兴国 新型举国体制 专精特新 新型工业化 数字中国 平安中国
法治中国 全国统一大市场 三大工程 以旧换新 投资于人 未来产业 营商环境 主题教育 党纪学习教育 进一步全面深化改革`.split(/\s+/);

const forms = new Map<string, string>();
for (const e of glossary) for (const f of [e.term, ...e.variants]) forms.set(normalize(f).norm, e.id);
const finder = new TermFinder(glossary);
const marked = (text: string): string[] => finder.find(normalize(text), segmenter).map((t) => text.slice(t.a0, t.a1));

describe('the canon', () => {
  it.each(MUST)('holds %s as a term or variant', (f) => {
    expect(forms.has(normalize(f).norm)).toBe(true);
  });

  it('marks the everyday paragraph of policy language, every formulation in it', () => {
    const text =
      '推动大规模设备更新和消费品以旧换新，坚持以人民为中心的发展思想，坚持“两个毫不动摇”，深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”，统筹发展和安全，推进高水平对外开放，推进乡村全面振兴，坚持房子是用来住的、不是用来炒的定位，推动“三大工程”建设，统筹推进“五位一体”总体布局，协调推进“四个全面”战略布局';
    const ids = engine.annotate(text).terms.map((t) => t.termId);
    expect(ids).toEqual([
      'equipment-renewal-and-trade-in',
      'people-centred',
      'two-unwaverings',
      'two-establishes',
      'four-consciousnesses',
      'four-confidences',
      'two-upholds',
      'development-and-security',
      'high-standard-opening-up',
      'rural-revitalization',
      'housing-not-for-speculation',
      'three-major-projects',
      'five-sphere-plan',
      'four-comprehensives',
    ]);
  });

  it('marks a commentary on high-quality development', () => {
    const text =
      '高质量发展是全面建设社会主义现代化国家的首要任务。要完整准确全面贯彻新发展理念，加快构建新发展格局，因地制宜发展新质生产力，深化供给侧结构性改革，着力扩大内需，推动经济实现质的有效提升和量的合理增长。';
    expect(engine.annotate(text).terms.map((t) => t.termId)).toEqual(
      expect.arrayContaining([
        'high-quality-development',
        'new-development-philosophy',
        'new-development-pattern',
        'new-quality-productive-forces',
        'supply-side-reform',
        'domestic-demand',
      ]),
    );
  });

  it.each([
    ['坚持房住不炒定位', 'housing-not-for-speculation', '房住不炒'],
    ['坚持房子是用来住的，不是用来炒的定位', 'housing-not-for-speculation', '房子是用来住的，不是用来炒的'],
    ['积极稳妥推进“双碳”工作', 'dual-carbon', '双碳'],
    ['积极稳妥推进碳达峰碳中和', 'dual-carbon', '碳达峰碳中和'],
    ['坚持“老虎”“苍蝇”一起打', 'tigers-and-flies', '“老虎”“苍蝇”一起打'],
    ['坚持老虎苍蝇一起打', 'tigers-and-flies', '老虎苍蝇一起打'],
    ['堅持「老虎」「蒼蠅」一起打', 'tigers-and-flies', '「老虎」「蒼蠅」一起打'],
    ['推進鄉村全面振興', 'rural-revitalization', '鄉村全面振興'],
  ])('marks the form in %s', (text, id, form) => {
    const hit = engine.annotate(text).terms.find((t) => t.termId === id);
    expect(hit?.text).toBe(form);
  });

  it.each([
    ['动物园里的老虎很凶猛', 'tigers-and-flies'],
    ['浦东、滨海两新区的开发开放', 'two-new'],
    ['他有两重身份', 'two-priorities'],
    ['这个农场种了三农作物', 'three-rural-issues'],
  ])('leaves the look-alike unmarked: %s', (text, id) => {
    expect(engine.annotate(text).terms.map((t) => t.termId)).not.toContain(id);
  });

  it('finds the canon in Traditional script as in Simplified', () => {
    expect(marked('深刻領悟「兩個確立」的決定性意義，增強「四個意識」')).toEqual(['「兩個確立」', '「四個意識」']);
  });
});

describe('forms that are also ordinary words', () => {
  it('marks 两重 only in quotation marks or in its compounds', () => {
    const ids = (t: string): string[] =>
      engine
        .annotate(t)
        .terms.filter((x) => x.termId === 'two-priorities')
        .map((x) => x.text);
    expect(ids('支持“两重”建设和“两新”工作')).toEqual(['“两重”建设']);
    expect(ids('加力推进“两重”')).toEqual(['两重']);
    expect(ids('超长期特别国债支持两重建设')).toEqual(['两重建设']);
    expect(ids('他有两重身份，这件事有两重意义')).toEqual([]);
  });
});
