// Labels and colours the broadcast result cards share (status card, non-responder list, 通知の状況).
import type { BroadcastMode, BroadcastSeverity } from '../../domain/broadcast';
import type { BroadcastRecord } from '../../storage/broadcast-repo';
import { formatJst } from '../../domain/clock';
import { t, type Locale } from '../i18n';
import { CARD_BYTE_BUDGET, jsonBytes } from '../card-size';
import type { StatusColor } from './schemas/case-card';

/** 【訓練】 / 【本番】: on every card and list line, so a drill is never taken for the real thing. */
export function modeLabel(locale: Locale, mode: BroadcastMode): string {
  return t(locale, `broadcastResults.mode.${mode}`);
}

export function modeColor(mode: BroadcastMode): 'good' | 'attention' {
  return mode === 'drill' ? 'good' : 'attention';
}

export function severityColor(s: BroadcastSeverity): StatusColor {
  return s === 'emergency' ? 'attention' : s === 'important' ? 'warning' : 'default';
}

/** 「BC-2026-0001・送信 2026/04/10 12:00・送信者 田中 美咲」 */
export function broadcastMeta(locale: Locale, b: BroadcastRecord, senderName: string | null): string {
  return t(locale, 'broadcastResults.meta', {
    id: b.id,
    at: b.sentAt ? formatJst(new Date(b.sentAt)) : '',
    sender: senderName ?? b.createdBy,
  });
}

/** Cuts a directory text for a dense table row (the export has it in full). */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Pages of `size` items: the page asked for (clamped), its slice, and whether others exist. */
export function pageOf<T>(items: readonly T[], size: number, asked: number) {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const page = Math.min(Math.max(0, asked), pages - 1);
  const from = page * size;
  const shown = items.slice(from, from + size);
  return { page, pages, from, shown, left: items.length - shown.length };
}

/** Room kept under the budget for what varies between renders of one card (a notice, page numbers). */
const VARYING_BYTES = 2048;

/**
 * Rows per page so that every page of the card fits: the room the card leaves without rows, divided
 * by the heaviest row of the whole list (not of the page), at most `cap`. The same list always gets
 * the same pages, whichever page is shown and whatever notice is on top.
 */
export function rowsPerPage(emptyCardBytes: number, rows: readonly object[], cap: number): number {
  const heaviest = Math.max(1, ...rows.map((r) => jsonBytes(r) + 2));
  const room = CARD_BYTE_BUDGET - VARYING_BYTES - emptyCardBytes;
  return Math.max(1, Math.min(cap, Math.floor(room / heaviest)));
}
