import { describe, expect, it } from 'vitest';
import {
  buildMatchIndex,
  MATCH_INDEX_FORMAT,
  matchIndexBuffers,
  matchIndexFromBuffers,
  readMatchString,
} from './build.ts';
import { cloneStructured, generateMatchInstance } from './matching.test-support.ts';
import type { MatchOrderInput, MatchWorkerInput } from './types.ts';

const TODAY = 20_780;
const { orders, workers } = generateMatchInstance(5, { orders: 20, workers: 10 });
const order = orders[0] as MatchOrderInput;
const worker = workers[0] as MatchWorkerInput;

describe('buildMatchIndex', () => {
  it('interns strings once, in any script', () => {
    const index = buildMatchIndex(
      [{ ...order, skills: ['数控车床', 'SMT 操作'], certificates: ['焊工证'] }],
      [{ ...worker, skills: ['数控车床'], certificates: ['焊工证'], tieKeys: ['base:9f2c'] }],
      { today: TODAY },
    );
    const texts = Array.from({ length: index.strings.count }, (_, id) => readMatchString(index.strings, id));
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts).toEqual(expect.arrayContaining(['数控车床', 'SMT 操作', '焊工证', 'base:9f2c']));
  });

  it('splits occupation codes into up to four prefix ids', () => {
    const codes = ['6-18-01-01', '6-18', '', '6--18'];
    const index = buildMatchIndex(
      codes.map((occupationCode) => ({ ...order, occupationCode })),
      [],
      { today: TODAY },
    );
    expect(Array.from(index.orders.codeLength)).toEqual([4, 2, 0, 1]);
    const prefixes = Array.from(index.orders.code.subarray(0, 4), (id) => readMatchString(index.strings, id));
    expect(prefixes).toEqual(['6', '6-18', '6-18-01', '6-18-01-01']);
    expect(index.orders.code[4]).toBe(index.orders.code[0]);
  });

  it('keeps orders without places out of the trees but in the index', () => {
    const index = buildMatchIndex(
      [
        { ...order, remaining: 0 },
        { ...order, remaining: 2 },
      ],
      [worker],
      {
        today: TODAY,
      },
    );
    expect(index.orders.count).toBe(2);
    const mainRoot = index.orderTree.treeRoots[0] ?? -1;
    expect(mainRoot).toBeGreaterThan(0);
  });

  it('builds an empty index', () => {
    const index = buildMatchIndex([], [], { today: TODAY });
    expect(index.orders.count).toBe(0);
    expect(index.workers.count).toBe(0);
  });

  it.each([
    ['a fractional today', [order], [worker], { today: 1.5 }],
    ['wageMin > wageMax', [{ ...order, wageMin: 7000, wageMax: 6000 }], [worker], { today: TODAY }],
    ['a negative wage', [{ ...order, wageMin: -1 }], [worker], { today: TODAY }],
    ['an education index of 8', [{ ...order, educationMin: 8 }], [worker], { today: TODAY }],
    ['a fractional age', [order], [{ ...worker, age: 30.5 }], { today: TODAY }],
    ['a fractional deadline', [{ ...order, deadlineDay: TODAY + 0.5 }], [worker], { today: TODAY }],
    ['a non-finite expectation', [order], [{ ...worker, expectedWage: Number.NaN }], { today: TODAY }],
    ['a leaf size of 0', [order], [worker], { today: TODAY, leafSize: 0 }],
    ['invalid weights', [order], [worker], { today: TODAY, weights: { occupationDetail: 1 } }],
  ])('rejects %s', (_label, badOrders, badWorkers, options) => {
    expect(() => buildMatchIndex(badOrders, badWorkers, options)).toThrow(RangeError);
  });

  it('rounds wages to whole yuan', () => {
    const index = buildMatchIndex([{ ...order, wageMin: 5000.4, wageMax: 5999.5 }], [], { today: TODAY });
    expect([index.orders.wageMin[0], index.orders.wageMax[0]]).toEqual([5000, 6000]);
  });
});

describe('matchIndexFromBuffers', () => {
  const index = buildMatchIndex(orders, workers, { today: TODAY });

  it('accepts what matchIndexBuffers gives, after structured cloning', () => {
    const copy = matchIndexFromBuffers(cloneStructured(matchIndexBuffers(index)));
    expect(copy).toEqual(index);
  });

  it('rejects another format, a missing section or a foreign value', () => {
    expect(() => matchIndexFromBuffers(null)).toThrow(RangeError);
    expect(() => matchIndexFromBuffers({ ...index, format: MATCH_INDEX_FORMAT + 1 })).toThrow(RangeError);
    const { orderTree: _tree, ...withoutTree } = index;
    expect(() => matchIndexFromBuffers(withoutTree)).toThrow(RangeError);
    expect(() => matchIndexFromBuffers({ ...index, orders: { ...index.orders, remaining: [1, 2] } })).toThrow(
      RangeError,
    );
    expect(() =>
      matchIndexFromBuffers({ ...index, orders: { ...index.orders, remaining: new Int32Array(1) } }),
    ).toThrow(RangeError);
  });
});
