import { describe, expect, it } from 'vitest';
import { ShareQueue, type Waiting } from '../../src/domain/delivery-order';
import { PRIORITY } from '../../src/storage/outbox-repo';

interface Item extends Waiting {
  name: string;
}

let seq = 0;
const item = (name: string, priority: number, dueAtMs: number): Item => ({
  name,
  priority,
  dueAtMs,
  seq: ++seq,
});

describe('order of grants: emergencies first, a reserved share for the rest', () => {
  it('grants strictly by priority, then the longest waiting, while only one class waits', () => {
    const q = new ShareQueue<Item>(10);
    q.push(item('normal-old', PRIORITY.normal, 0));
    q.push(item('emergency-late', PRIORITY.emergency, 500));
    q.push(item('critical', PRIORITY.critical, 100));
    q.push(item('emergency-early', PRIORITY.emergency, 200));
    expect(q.peek(4).map((x) => x.name)).toEqual([
      'emergency-early',
      'emergency-late',
      'critical',
      'normal-old',
    ]);
  });

  it('during an endless emergency stream a routine approval still goes out within 10 grants (the injected clock ticks 20 ms per grant, 50/s)', () => {
    const q = new ShareQueue<Item>(10);
    let now = 0;
    // An emergency broadcast far larger than anything routine: 1000 waiting, more arriving all the time.
    for (let i = 0; i < 1000; i++) q.push(item(`e${i}`, PRIORITY.emergency, now));
    const granted: Item[] = [];
    let approvalAt: number | undefined;
    for (let tick = 0; tick < 400; tick++) {
      now += 20;
      q.push(item(`e-new${tick}`, PRIORITY.emergency, now));
      if (tick === 37) q.push(item('approval', PRIORITY.normal, now));
      const [next] = q.peek(1);
      q.grant(next!);
      granted.push(next!);
      if (next!.name === 'approval') approvalAt = now;
    }
    const joined = 38 * 20;
    expect(approvalAt).toBeDefined();
    expect(approvalAt! - joined).toBeLessThanOrEqual(10 * 20); // ≤ 10 grants = 0.2 s at 50/s
    // Emergencies keep at least 9 of every 10 grants.
    expect(granted.filter((g) => g.priority === PRIORITY.emergency).length).toBeGreaterThanOrEqual(399);
  });

  it('shares among the lower classes by age, so normal traffic is not starved by critical traffic either', () => {
    const q = new ShareQueue<Item>(2);
    q.push(item('normal', PRIORITY.normal, 0));
    for (let i = 0; i < 5; i++) q.push(item(`critical${i}`, PRIORITY.critical, 10 + i));
    for (let i = 0; i < 5; i++) q.push(item(`emergency${i}`, PRIORITY.emergency, 20 + i));
    // Every 2nd grant goes to the oldest lower-class item: the normal one (due at 0) first.
    expect(q.peek(4).map((x) => x.name)).toEqual(['emergency0', 'normal', 'emergency1', 'critical0']);
  });

  it('peek does not change the queue; grant does', () => {
    const q = new ShareQueue<Item>(3);
    const a = item('a', 0, 0);
    q.push(a);
    expect(q.peek(5)).toEqual([a]);
    expect(q.size).toBe(1);
    q.grant(a);
    expect(q.size).toBe(0);
    expect(() => new ShareQueue<Item>(1)).toThrow();
  });
});
