// The database job queue: one job at a time, most urgent first, FIFO among equals, and a
// pending count that never drops to zero between a job and the one it queues.

import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/db';
import { createJobQueue } from '../../src/state/job-queue';

const fakeDb = {} as Db;

function counting() {
  const log: number[] = [];
  let pending = 0;
  return {
    log,
    hooks: { queued: () => log.push(++pending), settled: () => log.push(--pending) },
    get pending() {
      return pending;
    },
  };
}

describe('job queue', () => {
  it('runs the most urgent waiting job next, in order of arrival among equals, never two at once', async () => {
    let open!: (db: Db) => void;
    const q = createJobQueue(new Promise<Db>((r) => (open = r)), counting().hooks);
    const order: string[] = [];
    let running = 0;
    const job = (name: string) => async () => {
      running++;
      expect(running).toBe(1);
      order.push(name);
      await new Promise((r) => setTimeout(r, 1));
      running--;
      return name;
    };
    const all = [q.add(5, job('workbench-1')), q.add(0, job('region')), q.add(5, job('workbench-2')), q.add(2, job('filtered'))];
    open(fakeDb);
    expect(await Promise.all(all)).toEqual(['workbench-1', 'region', 'workbench-2', 'filtered']);
    expect(order).toEqual(['region', 'filtered', 'workbench-1', 'workbench-2']);
    expect(q.idle()).toBe(true);
  });

  it('keeps the count above zero when a job queues the next before it settles', async () => {
    const c = counting();
    const q = createJobQueue(Promise.resolve(fakeDb), c.hooks);
    await q.add(0, async () => {
      void q.add(1, async () => undefined);
    });
    await new Promise((r) => setTimeout(r, 5));
    // queued 1, queued 2 (inside the first job), settled → 1, settled → 0.
    expect(c.log).toEqual([1, 2, 1, 0]);
  });

  it('a failing job rejects its own promise only; the queue goes on', async () => {
    const q = createJobQueue(Promise.resolve(fakeDb), counting().hooks);
    const bad = q.add(0, async () => {
      throw new Error('boom');
    });
    const good = q.add(0, async () => 'ok');
    await expect(bad).rejects.toThrow('boom');
    await expect(good).resolves.toBe('ok');
  });

  it('rejects every waiting job when the database never opens, and settles each', async () => {
    const c = counting();
    const q = createJobQueue(Promise.reject(new Error('no wasm')), c.hooks);
    const a = q.add(0, async () => 1);
    const b = q.add(1, async () => 2);
    await expect(a).rejects.toThrow('no wasm');
    await expect(b).rejects.toThrow('no wasm');
    expect(c.pending).toBe(0);
  });
});
