// In which order waiting messages get the tenant's budget. Pure: an in-memory queue, no clock.
//
// The rule: strict priority — the lowest priority number first (PRIORITY.emergency = 0), then the
// longest waiting — so emergency traffic pre-empts routine traffic (approval cards, reminders)
// within the same budget. But while anything of a lower class waits, every `shareEvery`-th grant
// goes to the longest-waiting item of the lower classes: routine traffic keeps a reserved share of
// at least 1/shareEvery of the budget and is never starved, even by an endless emergency stream —
// an item of a lower class that has joined the queue is granted within `shareEvery` grants once it
// is the longest waiting of its kind.

export interface Waiting {
  priority: number;
  /** Since when it has been waiting (its due time), in ms. */
  dueAtMs: number;
  /** Arrival order, the last tie-break. */
  seq: number;
}

const byUrgency = (a: Waiting, b: Waiting) =>
  a.priority - b.priority || a.dueAtMs - b.dueAtMs || a.seq - b.seq;
const byAge = (a: Waiting, b: Waiting) => a.dueAtMs - b.dueAtMs || a.seq - b.seq;

export class ShareQueue<T extends Waiting> {
  private readonly items: T[] = [];
  /** Grants to the top class in a row while a lower class was waiting. */
  private streak = 0;

  constructor(readonly shareEvery: number) {
    if (!Number.isInteger(shareEvery) || shareEvery < 2) throw new Error('shareEvery must be an integer ≥ 2');
  }

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    this.items.push(item);
  }

  remove(item: T): boolean {
    const i = this.items.indexOf(item);
    if (i < 0) return false;
    this.items.splice(i, 1);
    return true;
  }

  /** The next `n` items the rule would grant, in order (the queue is not changed). */
  peek(n: number): T[] {
    const rest = [...this.items];
    let streak = this.streak;
    const out: T[] = [];
    while (out.length < n && rest.length > 0) {
      const pick = ShareQueue.choose(rest, streak, this.shareEvery);
      streak = ShareQueue.nextStreak(rest, pick, streak);
      rest.splice(rest.indexOf(pick), 1);
      out.push(pick);
    }
    return out;
  }

  /** Records that `item` got its grant and removes it. */
  grant(item: T): void {
    this.streak = ShareQueue.nextStreak(this.items, item, this.streak);
    this.remove(item);
  }

  private static choose<T extends Waiting>(items: readonly T[], streak: number, shareEvery: number): T {
    const best = [...items].sort(byUrgency)[0] as T;
    if (streak < shareEvery - 1) return best;
    const lower = items.filter((x) => x.priority > best.priority).sort(byAge);
    return lower[0] ?? best;
  }

  private static nextStreak<T extends Waiting>(items: readonly T[], granted: T, streak: number): number {
    const top = Math.min(...items.map((x) => x.priority));
    const lowerWaiting = items.some((x) => x.priority > top && x !== granted);
    return granted.priority === top && lowerWaiting ? streak + 1 : 0;
  }
}
