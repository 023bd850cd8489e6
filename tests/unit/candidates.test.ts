/**
 * Numbered formulations the glossary does not hold: quoted or announcing a
 * list, never ordinary counted nouns, never a formulation the glossary has.
 */
import { describe, expect, it } from 'vitest';
import { findCandidates } from '../../src/core/candidates';
import { normalize } from '../../src/core/normalize';
import { engine } from './helpers';

const found = (text: string): string[] => {
  const n = normalize(text);
  return findCandidates(n.norm).map((c) => n.norm.slice(c.a0, c.a1));
};

describe('numbered formulations', () => {
  it.each([
    ['牢记“三个务必”，践行“四个必须”。', ['三个务必', '四个必须']],
    ['走好"五个必由之路"', ['五个必由之路']],
    ['坚持「六稳」「六保」，推进‘双碳’。', ['六稳', '六保', '双碳']],
    ['实现“三个区分开来”', ['三个区分开来']],
    ['“四大板块”协调发展', ['四大板块']],
    ['四个必须：必须坚持人民至上……', ['四个必须']],
    ['把握“两个大局”，增强“九个坚持”', ['两个大局', '九个坚持']],
    ['落实“九个以”的实践要求', ['九个以']],
    ['推动“五大振兴”，开展“三项行动”', ['五大振兴', '三项行动']],
  ])('finds them in %s', (text, want) => {
    expect(found(text)).toEqual(want);
  });

  it.each([
    '三个月后，两个小时内，五个村的十个人参加了培训。',
    '他用了“三个月”，又花了“两个小时”，走访“五个村”的“十个人”。',
    '“十四五”时期',
    '全年完成“三个项目”和“两个城市”的试点',
    '三个方面：一是……',
    '“一带一路”建设',
    '他说“四个”就够了',
    '全面小康“一个都不能少”',
    '三项措施：加大投入。四个部分：第一部分介绍背景。两项任务：一是……',
    '这“三个字”分量很重，“两个人”就够了，她有“两个孩子”',
  ])('finds none in %s', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('reports, in page offsets, only those the glossary does not hold', () => {
    const text = '坚持“两个确立”，牢记“三个务必”，践行“四个必须”，贯彻“六个坚持”，做到“两个维护”。';
    const a = engine.annotate(text);
    expect(a.candidates.map((c) => c.text)).toEqual(['四个必须', '六个坚持']);
    for (const c of a.candidates) expect(text.slice(c.start, c.end)).toBe(c.text);
    expect(a.terms.map((t) => t.termId)).toEqual(['two-establishes', 'three-musts', 'two-upholds']);
  });
});
