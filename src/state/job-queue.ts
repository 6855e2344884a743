// Database jobs, one at a time (a job may replace tables the next one reads), the most urgent
// first: the map's results before the side panels', so the map is ready without waiting for
// 亩均 scoring. Order among equally urgent jobs is the order they were added. Running jobs out of
// order is safe because each job checks, when it starts, that the state still wants its result.

import type { Db } from '../data/db';

export interface JobQueue {
  /** Runs `job` once no other job is running and no more urgent one (lower number) waits. */
  add<T>(priority: number, job: (db: Db) => Promise<T>): Promise<T>;
  /** No job waiting or running. */
  idle(): boolean;
}

interface Waiting {
  priority: number;
  seq: number;
  run(db: Db): Promise<void>;
  fail(e: unknown): void;
}

/**
 * `queued` and `settled` are called as a job is added and right after it finishes (before the
 * next one starts), so a count kept from them never drops to zero between chained jobs.
 */
export function createJobQueue(db: Promise<Db>, hooks: { queued(): void; settled(): void }): JobQueue {
  const waiting: Waiting[] = [];
  let running = false;
  let seq = 0;

  async function pump(): Promise<void> {
    if (running) return;
    running = true;
    try {
      let conn: Db;
      try {
        conn = await db;
      } catch (e) {
        for (const w of waiting.splice(0)) w.fail(e);
        return;
      }
      while (waiting.length > 0) {
        let best = 0;
        for (let i = 1; i < waiting.length; i++) {
          const [a, b] = [waiting[i], waiting[best]];
          if (a.priority < b.priority || (a.priority === b.priority && a.seq < b.seq)) best = i;
        }
        const [next] = waiting.splice(best, 1);
        await next.run(conn);
      }
    } finally {
      running = false;
    }
  }

  return {
    add<T>(priority: number, job: (db: Db) => Promise<T>): Promise<T> {
      hooks.queued();
      return new Promise<T>((resolve, reject) => {
        waiting.push({
          priority,
          seq: seq++,
          async run(conn) {
            try {
              resolve(await job(conn));
            } catch (e) {
              reject(e);
            } finally {
              hooks.settled();
            }
          },
          fail(e) {
            reject(e);
            hooks.settled();
          },
        });
        void pump();
      });
    },
    idle: () => !running && waiting.length === 0,
  };
}
