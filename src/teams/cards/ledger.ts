// 「台帳」 (cards/ledger.json): a page of one ledger, newest first, with the filter (kind, JST period),
// paging and the exports. Times in Japan time; the ledger's articles cited (teams/citation.ts).
import { LEDGER_ARTICLES, type LedgerKind, type LedgerRow } from '../../domain/ledgers';
import { cellText } from '../../services/ledger-export';
import type { LedgerView } from '../../services/ledgers';
import { basis } from '../citation';
import { t, type Locale } from '../i18n';
import { renderCard, type AdaptiveCardJson } from './registry';
import type { LedgerSource } from '../../services/ledger-source';

/** Fields shown per row on the card (the export has every column). */
const CARD_FIELDS = 6;
const MAX_VALUE = 120;

/**
 * The columns a row shows on the card: its status first (out / returned / overdue, expired — what a
 * reader looks for, and otherwise the last column, cut off the card), then the others in order.
 */
function cardColumns(source: LedgerSource) {
  return [
    ...source.columns.filter((c) => c.id === 'status'),
    ...source.columns.filter((c) => c.id !== 'status' && c.id !== 'caseId'),
  ];
}

function rowFields(locale: Locale, source: LedgerSource, row: LedgerRow) {
  return cardColumns(source)
    .map((c) => ({
      label: t(locale, 'ledger.card.field', { label: c.label }),
      value: cellText(locale, c, row.values[c.id] ?? null),
    }))
    .filter((f) => f.value !== '' && f.value !== row.key)
    .slice(0, CARD_FIELDS)
    .map((f) => ({
      ...f,
      value: f.value.length > MAX_VALUE ? `${f.value.slice(0, MAX_VALUE - 1)}…` : f.value,
    }));
}

export function buildLedgerCard(
  locale: Locale,
  input: {
    view: LedgerView;
    kinds: readonly { kind: LedgerKind; title: string }[];
    from: string;
    to: string;
    sectionNames: string[] | 'all';
  },
): AdaptiveCardJson {
  const { view } = input;
  const kind = view.source.kind;
  const first = view.rows[0];
  const last = view.rows.at(-1);
  return renderCard('ledger', {
    title: t(locale, 'ledger.card.title', { title: view.source.title }),
    period: t(locale, 'ledger.card.period', {
      from: input.from.replaceAll('-', '/'),
      to: input.to.replaceAll('-', '/'),
      count: view.total,
    }),
    scope: t(locale, 'ledger.card.scope', {
      sections: input.sectionNames === 'all' ? t(locale, 'ledger.card.scopeAll') : input.sectionNames,
    }),
    basis: basis(locale, LEDGER_ARTICLES[kind]),
    kind,
    from: input.from,
    to: input.to,
    kindLabel: t(locale, 'ledger.card.kind'),
    kindChoices: input.kinds.map((k) => ({ title: k.title, value: k.kind })),
    fromLabel: t(locale, 'ledger.card.from'),
    toLabel: t(locale, 'ledger.card.to'),
    showLabel: t(locale, 'ledger.card.show'),
    none: t(locale, 'ledger.card.none'),
    rows: view.rows.map((r) => ({
      head: t(locale, 'ledger.card.rowHead', {
        key: r.key,
        at: cellText(locale, { id: 'at', label: view.source.title, type: 'datetime', width: 0 }, r.at),
      }),
      fields: rowFields(locale, view.source, r),
    })),
    prev: view.hasPrev && first ? { at: first.at, key: first.key } : null,
    next: view.hasNext && last ? { at: last.at, key: last.key } : null,
    prevLabel: t(locale, 'ledger.card.previous'),
    nextLabel: t(locale, 'ledger.card.next'),
    exportCsvLabel: t(locale, 'ledger.card.exportCsv'),
    exportXlsxLabel: t(locale, 'ledger.card.exportXlsx'),
    menuLabel: t(locale, 'ledger.card.menu'),
  });
}
