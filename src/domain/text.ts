// Text that people type, as it may be stored and shown to someone else. Pure.

// C0/C1 control characters other than tab and newline, and the bidirectional embedding, override
// and isolate controls: invisible, never meaningful in a report, and able to disguise what another
// person reads on their card (a reversed file name). Lone surrogates are not text either.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const INVISIBLE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Free text as it may be stored and shown: newlines as \n, no invisible controls, no lone surrogates. */
export function cleanText(s: string): string {
  return s.replace(/\r\n?/g, '\n').replace(INVISIBLE_CONTROLS, '').replace(LONE_SURROGATE, '\uFFFD');
}

/** The first `max` UTF-16 units of `s`, never ending in half of a surrogate pair. */
export function cutText(s: string, max: number): string {
  if (s.length <= max) return s;
  const head = s.slice(0, max);
  return /[\uD800-\uDBFF]$/.test(head) ? head.slice(0, -1) : head;
}
