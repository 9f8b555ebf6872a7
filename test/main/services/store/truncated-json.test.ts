import { describe, expect, it } from 'vitest';
import { closeTruncatedJson } from '../../../../src/main/services/store/truncated-json';

const closed = (text: string): unknown => {
  const result = closeTruncatedJson(text);
  return result === undefined ? undefined : JSON.parse(result);
};

describe('closing a JSON file cut off mid-write', () => {
  it('keeps every whole value before the cut', () => {
    // A record begun but cut before its first value is kept empty: its owner reports it damaged.
    expect(closed('{"a":[1,2,{"b":3},{"c":')).toEqual({ a: [1, 2, { b: 3 }, {}] });
    // A number at the cut may be missing digits: it is dropped.
    expect(closed('{"a":[1,2')).toEqual({ a: [1] });
    expect(closed('{"a":{')).toEqual({ a: {} });
    expect(closed('[tru')).toEqual([]);
  });

  it('keeps a string value cut in the middle, marked with "…"; a key cut in the middle is dropped', () => {
    expect(closed('{"entries":[{"name":"Quar')).toEqual({ entries: [{ name: 'Quar…' }] });
    expect(closed('{"list":["one","tw')).toEqual({ list: ['one', 'tw…'] });
    expect(closed('{"a":1,"na')).toEqual({ a: 1 });
    expect(closed('{"a":"x\\"y')).toEqual({ a: 'x"y…' });
  });

  it('is not fooled by what is not a cut-off file', () => {
    expect(closeTruncatedJson('{"a":1}')).toBeUndefined();
    expect(closeTruncatedJson('{"a": [ garbage')).toBeUndefined();
    expect(closeTruncatedJson('{"a":1}}')).toBeUndefined();
    expect(closeTruncatedJson('{"a":[1}')).toBeUndefined();
    expect(closeTruncatedJson('12')).toBeUndefined();
    expect(closeTruncatedJson('')).toBeUndefined();
  });
});
