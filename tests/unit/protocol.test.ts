/** The message protocol drops what it should: unknown, malformed and foreign messages. */
import { describe, expect, it, vi } from 'vitest';
import { PageResultSchema, parseReply, receive, ToBackground, ToContent } from '../../src/shared/protocol';
import { engine, version, B } from './helpers';

const OWN = 'our-extension-id';
const me = { id: OWN };

describe('receive', () => {
  it('accepts a valid message from our own extension', () => {
    expect(receive(ToBackground, { type: 'annotate', runId: 1, url: 'http://127.0.0.1/', title: '标题', text: '正文' }, me, OWN)).toEqual({
      type: 'annotate',
      runId: 1,
      url: 'http://127.0.0.1/',
      title: '标题',
      text: '正文',
    });
    expect(receive(ToContent, { type: 'step', direction: -1 }, me, OWN)).toEqual({ type: 'step', direction: -1 });
  });

  it.each([
    ['an unknown type', { type: 'deleteEverything' }, me],
    ['no type', { runId: 1 }, me],
    ['not an object', 'annotate', me],
    ['null', null, me],
    ['a prototype key as type', { type: 'toString' }, me],
    ['a wrong field type', { type: 'annotate', runId: '1', url: 'x', title: '', text: 'y' }, me],
    ['a missing field', { type: 'annotate', runId: 1, url: 'x' }, me],
    ['a fractional id', { type: 'getTabResult', tabId: 1.5 }, me],
    ['a text over 5 MB', { type: 'annotate', runId: 1, url: 'x', title: '', text: 'a'.repeat(5_000_001) }, me],
    ['a lookup of nothing', { type: 'lookup', text: '' }, me],
    ['a lookup of a whole page', { type: 'lookup', text: '字'.repeat(33) }, me],
    ['a lookup without text', { type: 'lookup' }, me],
    ['a starred word without its sentence', { type: 'saveWord', entry: {} }, me],
    ['a word list that is not a list', { type: 'importWords', words: 'all' }, me],
    ['chrome ranges that are not pairs', { type: 'annotate', runId: 1, url: 'x', title: '', text: 'y', chrome: [[1]] }, me],
    ['negative block breaks', { type: 'annotate', runId: 1, url: 'x', title: '', text: 'y', breaks: [-1] }, me],
    ['another extension', { type: 'getTabResult', tabId: 1 }, { id: 'someone-else' }],
    ['no sender', { type: 'getTabResult', tabId: 1 }, undefined],
  ])('drops %s, with a warning', (_name, raw, sender) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(receive(ToBackground, raw, sender, OWN)).toBeUndefined();
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it('drops a step with a direction other than ±1 and a reveal with a negative index', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(receive(ToContent, { type: 'step', direction: 2 }, me, OWN)).toBeUndefined();
    expect(receive(ToContent, { type: 'reveal', target: 'difference', index: -1 }, me, OWN)).toBeUndefined();
    warn.mockRestore();
  });
});

describe('parseReply', () => {
  it('accepts a real engine result and rejects a tampered one', () => {
    const annotations = engine.annotate(version(B).text.slice(0, 3000));
    const result = { annotations, versions: [], entries: {}, usage: [], url: 'http://127.0.0.1/', title: 't', frameId: 0, engineMs: 3 };
    expect(parseReply(PageResultSchema, result)).toBeDefined();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(
      parseReply(PageResultSchema, { ...result, annotations: { ...annotations, differences: [{ kind: 'exploded' }] } }),
    ).toBeUndefined();
    expect(parseReply(PageResultSchema, null)).toBeUndefined();
    warn.mockRestore();
  });
});
