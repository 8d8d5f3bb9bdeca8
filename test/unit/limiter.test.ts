import { describe, expect, it } from 'vitest';
import { forEachLimited, Limiter } from '../../src/main/engine/lake/for-each-limited';

const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1));

describe('Limiter', () => {
  it('lets at most `limit` callers work at once, in the order they asked', async () => {
    const limiter = new Limiter(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        limiter.run(async () => {
          started.push(i);
          active++;
          peak = Math.max(peak, active);
          await tick();
          active--;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('frees the slot when the work fails', async () => {
    const limiter = new Limiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('bounds the inner step while more items are in flight around it', async () => {
    const network = new Limiter(2);
    let inside = 0;
    let peakInside = 0;
    let inFlight = 0;
    let peakInFlight = 0;
    await forEachLimited([...Array(10).keys()], 4, async () => {
      inFlight++;
      peakInFlight = Math.max(peakInFlight, inFlight);
      await network.run(async () => {
        inside++;
        peakInside = Math.max(peakInside, inside);
        await tick();
        inside--;
      });
      await tick();
      inFlight--;
    });
    expect(peakInside).toBe(2);
    expect(peakInFlight).toBe(4);
  });
});
