import { describe, expect, it } from 'vitest';
import { keepShape, keptObjects } from '../../src/shared/keep-shape';

describe('keepShape', () => {
  it('keeps the latest object of each class, and lets the one before it go', () => {
    class Layout {
      constructor(readonly key: number) {}
    }
    class Query {
      constructor(readonly key: number) {}
    }
    const [first, second] = [new Layout(1), new Layout(2)];
    const query = new Query(3);
    keepShape(first);
    keepShape(query);
    keepShape(second);
    const kept = keptObjects();
    expect(kept).toContain(second);
    expect(kept).toContain(query);
    expect(kept).not.toContain(first);
    expect(kept.filter((object) => object instanceof Layout)).toHaveLength(1);
  });

  it('keeps an object under a key of its own, beside its class’s', () => {
    const [plain, other] = [{ parts: 1 }, { parts: 2 }];
    const key = () => undefined;
    keepShape(plain, key);
    keepShape(other);
    expect(keptObjects()).toContain(plain);
    expect(keptObjects()).toContain(other);
  });
});
