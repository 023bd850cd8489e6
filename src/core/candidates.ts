/**
 * Numbered formulations the glossary does not hold yet.
 *
 * Much of the canon has one shape: a numeral, often a measure word, and a
 * short phrase — “四个必须”, “三个务必”, “五个必由之路”, “六稳”. Official texts
 * mark a formulation as such by quoting it, or by announcing a list with it
 * (三个务必：…). Ordinary counted nouns (三个月, 两个小时, 五个村, 十个人)
 * are neither quoted as a phrase nor announce a list, and their heads are
 * nouns of time, place or people, which are refused outright.
 */

/** A numbered formulation found in the text: offsets into the normalized text. */
export interface CandidateSpan {
  a0: number;
  a1: number;
}

const NUM = '一二两三四五六七八九十百千双';
const LEADING_NUMERALS = new RegExp(`^[${NUM}]+`, 'u');
/** numeral(s), an optional measure word, then 1–8 Han characters */
const SHAPE = new RegExp(`^[${NUM}]{1,3}([个大项条种类位]|方面)?\\p{Script=Han}{1,8}$`, 'u');
/** In quotation marks, double or single (normalized quotes are ASCII). */
const QUOTED = /"([^"\n]{2,12})"|'([^'\n]{2,12})'/g;
/** Announcing a list: the formulation, then a colon. */
const LISTED = new RegExp(`(?<![\\p{Script=Han}])([${NUM}]{1,2}(?:[个大项条种]|方面)\\p{Script=Han}{2,6}):`, 'gu');
/** Heads that make a counted noun, not a formulation: time, amounts, places, people, things (三个月, 两个小时, 五个村). */
const COUNTED = new Set(
  (
    '月 年 日 天 周 星期 小时 钟头 分钟 秒 季度 世纪 月份 人 名 村 县 市 省 区 镇 乡 家 户 国家 地方 城市 地区 部门 单位 企业 公司 ' +
    '学校 学生 孩子 问题 方面 阶段 环节 步骤 部分 层次 百分点 亿 万 千 百 倍 次 遍 批 套 件 台 辆 架 艘 座 所 间 层 米 公里 元 美元 吨 ' +
    '项目 村子 人员 同学 朋友 国家和地区 样本 案例 例子 城市群 省份 地市 乡镇 街道 社区 字 词 句 章 节 页'
  ).split(' '),
);
/** Counted nouns often follow with more words (两个小时内, 五个村的): a head that starts with one of these is counted. */
const COUNTED_PREFIX =
  /^(小时|分钟|星期|季度|世纪|月份|百分点|公里|美元|国家|城市|地区|部门|单位|企业|公司|学校|孩子|项目|人员|省份|乡镇|街道|社区)/u;

/** A head that starts with a function word reads as a sentence (“一个都不能少”), not a formulation. */
const FUNCTION_START = /^[都也就才又还的了是在不没把被给让]/u;
/**
 * Generic nouns that announce an ordinary list (三项措施：…, 四个部分：…); quoted, some are formulations
 * (“两个重点”), so this applies to lists only.
 */
const LIST_GENERIC = new Set(
  '措施 举措 任务 工作 要求 原则 目标 建议 意见 内容 特点 做法 方法 办法 途径 原因 理由 条件 因素 领域 重点 类别 问题 部分 方面'.split(' '),
);

function isFormulation(s: string, quoted: boolean): boolean {
  if (!SHAPE.test(s)) return false;
  const rest = s.replace(LEADING_NUMERALS, '');
  const measure = /^(方面|[个大项条种类位])/u.exec(rest)?.[0] ?? '';
  const head = rest.slice(measure.length);
  // With a measure word a phrase follows (四个必须; quoted, one character will do: “九个以”); without, an
  // abbreviation of one or two characters (六稳, 三农, 双碳).
  if (!head || (measure ? head.length < (quoted ? 1 : 2) : head.length > 2)) return false;
  if (FUNCTION_START.test(head) || (!quoted && LIST_GENERIC.has(head))) return false;
  return !COUNTED.has(head) && !COUNTED_PREFIX.test(head);
}

/** Numbered formulations in normalized text `s`, quoted or announcing a list, in text order. */
export function findCandidates(s: string): CandidateSpan[] {
  const out: CandidateSpan[] = [];
  for (const m of s.matchAll(QUOTED)) {
    const inner = m[1] ?? m[2]!;
    if (isFormulation(inner, true)) out.push({ a0: m.index + 1, a1: m.index + 1 + inner.length });
  }
  for (const m of s.matchAll(LISTED)) {
    const f = m[1]!;
    if (isFormulation(f, false) && !out.some((c) => c.a0 <= m.index && m.index < c.a1)) out.push({ a0: m.index, a1: m.index + f.length });
  }
  return out.sort((x, y) => x.a0 - y.a0);
}
