import { NOW } from '../domain/flows/fixtures';

/** A clock the test moves by hand: no real waiting for deadlines. Starts at NOW (2026-04-10 12:00 JST). */
export class ManualClock {
  t = new Date(NOW);
  now = () => new Date(this.t);
  advanceMinutes(m: number) {
    this.t = new Date(this.t.getTime() + m * 60_000);
  }
  set(iso: string) {
    this.t = new Date(iso);
  }
}
