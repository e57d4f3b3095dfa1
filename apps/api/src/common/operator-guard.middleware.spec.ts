import { findOperatorKeys } from './operator-guard.middleware';

describe('findOperatorKeys', () => {
  it('finds operators and dotted keys at any depth, with their paths', () => {
    expect(findOperatorKeys({ email: { $gt: '' }, a: [{ b: { 'x.y': 1 } }], ok: 'fine' })).toEqual([
      { field: 'email.$gt', message: expect.any(String) },
      { field: 'a[0].b.x.y', message: expect.any(String) },
    ]);
  });

  it('accepts ordinary values, including strings containing $ and dots', () => {
    expect(findOperatorKeys({ email: 'a.b@c.d', note: '$100', list: ['$x', 1, null] })).toEqual([]);
    expect(findOperatorKeys(undefined)).toEqual([]);
    expect(findOperatorKeys('plain')).toEqual([]);
  });

  it('refuses prototype keys, which JSON.parse keeps as own keys', () => {
    const parsed = JSON.parse('{"__proto__":{"admin":true},"a":{"constructor":{"prototype":1}},"ok":"x"}') as unknown;
    expect(findOperatorKeys(parsed).map((f) => f.field)).toEqual(['__proto__', 'a.constructor']);
  });

  it('refuses absurd nesting instead of recursing without end', () => {
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 50; i++) {
      deep.n = {};
      deep = deep.n as Record<string, unknown>;
    }
    expect(findOperatorKeys(root)[0]?.message).toBe('is nested too deeply');
  });
});
