/** The message protocol drops what it should: unknown, malformed and foreign messages. */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  checkedReply,
  isLookupReply,
  isPageResult,
  LookupReplySchema,
  PageResultSchema,
  parseReply,
  receive,
  receiveInContent,
  ToBackground,
  ToContent,
} from '../../src/shared/protocol';
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

/** Near-misses of the messages a content script receives: right types with right, wrong and missing fields. */
const contentLike = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom(...Object.keys(ToContent), 'annotate', 'toString', '__proto__', ''),
      target: fc.oneof(fc.constantFrom('difference', 'term', 'candidate', 'Term', ''), fc.anything()),
      index: fc.oneof(fc.integer({ min: -3, max: 1e6 }), fc.double(), fc.constant(Number.NaN), fc.string(), fc.anything()),
      direction: fc.oneof(fc.constantFrom(1, -1, 0, 2, -0, '1', 1.5), fc.anything()),
      extra: fc.anything(),
    },
    { requiredKeys: [] },
  ),
  fc.anything(),
);

describe('the content script’s checks (no valibot)', () => {
  it('receiveInContent accepts exactly what receive(ToContent) accepts, and returns the same message', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    fc.assert(
      fc.property(contentLike, fc.constantFrom(me, { id: 'someone-else' }, undefined), (raw, sender) => {
        expect(receiveInContent(raw, sender, OWN)).toEqual(receive(ToContent, raw, sender, OWN));
      }),
      { numRuns: 5000 },
    );
    // every message kind, valid, gets through both
    for (const raw of [
      { type: 'toggleLookup' },
      { type: 'toggleMarks', extra: 1 },
      { type: 'getStatus' },
      { type: 'getPageHtml' },
      { type: 'reveal', target: 'candidate', index: 0 },
      { type: 'step', direction: 1 },
    ]) {
      const got = receiveInContent(raw, me, OWN);
      expect(got).toBeDefined();
      expect(got).toEqual(receive(ToContent, raw, me, OWN));
    }
    warn.mockRestore();
  });

  it('drops broken and foreign messages with a warning', () => {
    for (const [raw, sender] of [
      [{ type: 'reveal', target: 'difference', index: -1 }, me],
      [{ type: 'step', direction: 2 }, me],
      [{ type: 'annotate' }, me],
      [null, me],
      ['step', me],
      [{ type: 'getStatus' }, { id: 'someone-else' }],
      [{ type: 'getStatus' }, undefined],
    ] as const) {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      expect(receiveInContent(raw, sender, OWN)).toBeUndefined();
      expect(warn).toHaveBeenCalledOnce();
      warn.mockRestore();
    }
  });

  it('tells a page result and a lookup reply from nothing, failures and other replies', () => {
    const annotations = engine.annotate(version(B).text.slice(0, 3000));
    const result = checkedReply(PageResultSchema, {
      annotations,
      versions: [],
      entries: {},
      usage: [],
      url: 'http://127.0.0.1/',
      title: 't',
      frameId: 0,
      engineMs: 3,
    });
    expect(isPageResult(result)).toBe(true);
    for (const other of [
      null,
      undefined,
      true,
      'error',
      { ok: false, error: 'x' },
      { entries: [] },
      [],
      { ...result, annotations: null },
    ]) {
      expect(isPageResult(other)).toBe(false);
    }
    expect(isPageResult({ ...result, annotations: { ...result.annotations, differences: 'none' } })).toBe(false);
    expect(isPageResult({ ...result, frameId: -1 })).toBe(false);
    expect(isLookupReply(checkedReply(LookupReplySchema, { entries: [] }))).toBe(true);
    for (const other of [null, undefined, true, { entries: 'x' }, { ok: false, error: 'x' }]) expect(isLookupReply(other)).toBe(false);
  });

  it('every reply the background checks passes the content script’s shape check', () => {
    const text = version(B).text;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: text.length - 1 }), fc.integer({ min: 1, max: 2000 }), (start, n) => {
        const annotations = engine.annotate(text.slice(start, start + n));
        const reply = checkedReply(PageResultSchema, {
          annotations,
          versions: [],
          entries: {},
          usage: [],
          url: 'u',
          title: '',
          frameId: 0,
          engineMs: 1,
        });
        expect(isPageResult(reply)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('the background refuses to send a reply that does not fit its schema', () => {
    expect(() => checkedReply(LookupReplySchema, { entries: [{ simplified: '字' }] } as never)).toThrow(/does not fit its schema/);
  });
});
