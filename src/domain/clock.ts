export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

const JST = 'Asia/Tokyo';

const jstFormat = (withSeconds: boolean) =>
  new Intl.DateTimeFormat('ja-JP', {
    timeZone: JST,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    ...(withSeconds ? { second: '2-digit' } : {}),
    hour12: false,
  });
// Made once: a formatter is immutable, and making one per call was a hot spot of every turn.
const JST_MINUTES = jstFormat(false);
const JST_SECONDS = jstFormat(true);

/** Japan time for display: 2026/11/26 09:05. Storage stays UTC ISO-8601. */
export function formatJst(d: Date, withSeconds = false): string {
  return (withSeconds ? JST_SECONDS : JST_MINUTES).format(d);
}
