// The duty cards (定期業務): one duty with its completion form (or what was recorded), and
// 「今月の定期業務」. What people typed goes into TextRuns (RowSchema values), never into Markdown.
import { citationList } from '../../domain/articles';
import { formatJst } from '../../domain/clock';
import { DUTY_LABELS, DUTY_RESULT_LABELS, type DutyResult } from '../../domain/duty-form';
import { DUTY_DEFINITIONS, DUTY_KINDS } from '../../domain/duties';
import { FORM_ERROR_KEY } from '../../domain/flows/form';
import type { DutyCardReason, DutyMonth, DutyView } from '../../services/duty-service';
import type { DutyInstance } from '../../storage/duty-repo';
import { basis } from '../citation';
import { t, type Locale } from '../i18n';
import type { MessageKey } from '../../i18n';
import { fieldData } from './media';
import { renderCard, type AdaptiveCardJson } from './registry';
import type { DisplayRow } from './types';

const jst = (iso: string) => formatJst(new Date(iso));

export function dutyStatusText(locale: Locale, d: DutyInstance, now: Date): string {
  if (d.status === 'done') return t(locale, 'duty.status.done');
  if (d.status === 'cancelled') return t(locale, 'duty.status.cancelled');
  return Date.parse(d.dueAt) < now.getTime()
    ? t(locale, 'duty.status.overdue')
    : t(locale, 'duty.status.open');
}

function rows(locale: Locale, v: DutyView, now: Date): DisplayRow[] {
  const d = v.duty;
  const out: DisplayRow[] = [
    { label: t(locale, 'duty.card.section'), value: `${d.sectionCode} ${v.sectionName}` },
    { label: t(locale, 'duty.card.period'), value: d.periodKey },
    { label: t(locale, 'duty.card.due'), value: jst(d.dueAt) },
    { label: t(locale, 'duty.card.status'), value: dutyStatusText(locale, d, now) },
    ...Object.entries(d.subject)
      .filter(([, value]) => value !== '')
      .map(([, value]) => ({ label: t(locale, 'duty.card.subject'), value })),
  ];
  const r = d.result;
  if (d.status === 'done' && r) {
    const result = r.result as DutyResult | undefined;
    out.push({
      label: t(locale, DUTY_LABELS.result),
      value: result && result in DUTY_RESULT_LABELS ? t(locale, DUTY_RESULT_LABELS[result]) : '—',
    });
    if (r.findings) out.push({ label: t(locale, DUTY_LABELS.findings), value: r.findings });
    if (r.attachments) out.push({ label: t(locale, DUTY_LABELS.attachments), value: r.attachments });
    if (r.revisionNeeded === 'true')
      out.push({ label: t(locale, DUTY_LABELS.revisionNeeded), value: t(locale, 'duty.card.yes') });
    out.push({
      label: t(locale, 'duty.card.completed'),
      value: `${r.completedByName || d.completedBy || '—'} ${d.completedAt ? jst(d.completedAt) : ''}`.trim(),
    });
    if (r.reportedToChief === 'true')
      out.push({ label: t(locale, 'duty.card.reported'), value: t(locale, 'duty.card.yes') });
  }
  return out;
}

const LEADS: Readonly<Record<DutyCardReason, { key: MessageKey; color: 'Default' | 'Attention' | 'Good' }>> =
  {
    opened: { key: 'duty.lead.opened', color: 'Default' },
    overdue: { key: 'duty.lead.overdue', color: 'Attention' },
    escalated: { key: 'duty.lead.escalated', color: 'Attention' },
    report: { key: 'duty.lead.report', color: 'Good' },
  };

/** A duty as this viewer may see it; `reason` says why it was sent (none when opened by a click). */
export function buildDutyCard(
  locale: Locale,
  v: DutyView,
  now: Date,
  opts: { reason?: DutyCardReason; lead?: string } = {},
): AdaptiveCardJson {
  const d = v.duty;
  const fieldIds = new Set(v.fields.map((f) => f.id));
  const formError = Object.entries(v.errors)
    .filter(([key]) => key === FORM_ERROR_KEY || !fieldIds.has(key))
    .map(([, m]) => t(locale, m))
    .join('\n\n');
  const lead = opts.lead ?? (opts.reason ? t(locale, LEADS[opts.reason].key, { id: d.id }) : '');
  const open = v.mayComplete && d.status === 'open';
  const chiefReport = DUTY_DEFINITIONS[d.kind].reportsToChief;
  return renderCard('duty', {
    title: t(locale, 'duty.card.title', { id: d.id, kind: t(locale, `duty.kind.${d.kind}`) }),
    basis: basis(locale, d.citations),
    lead,
    leadColor: opts.reason ? LEADS[opts.reason].color : 'Default',
    formError,
    draftNote: v.draftSavedAt ? t(locale, 'form.draftNote', { savedAt: formatJst(v.draftSavedAt) }) : '',
    what: t(locale, `duty.what.${d.kind}`),
    context: rows(locale, v, now),
    intro: '',
    fields: open ? v.fields.map((f) => fieldData(locale, f, v.answers, v.errors)) : [],
    ruleNote: t(
      locale,
      open && chiefReport === 'always'
        ? 'duty.card.rule_note_report'
        : open && chiefReport === 'if_flagged'
          ? 'duty.card.rule_note_flag'
          : 'duty.card.rule_note',
    ),
    dutyId: d.id,
    completeLabel: open ? t(locale, 'duty.button.complete') : '',
    saveLabel: open ? t(locale, 'duty.button.save') : '',
    monthLabel: t(locale, 'intent.duties'),
  });
}

/** 「今月の定期業務」: the scope's duties due this month (and open ones from before). */
export function buildDutyMonthCard(locale: Locale, m: DutyMonth, now: Date): AdaptiveCardJson {
  const name = (code: string) => `${code} ${m.sectionNames[code] ?? ''}`.trim();
  const [y, mo] = m.month.split('-');
  const items = m.duties.map((d) => {
    const overdue = d.status === 'open' && Date.parse(d.dueAt) < now.getTime();
    return {
      id: d.id,
      summary: t(locale, 'duty.month.item', {
        kind: t(locale, `duty.kind.${d.kind}`),
        section: name(d.sectionCode),
      }),
      detail: t(locale, 'duty.month.detail', {
        id: d.id,
        due: jst(d.dueAt),
        status: dutyStatusText(locale, d, now),
      }),
      color: overdue
        ? ('Attention' as const)
        : d.status === 'done'
          ? ('Good' as const)
          : ('Default' as const),
    };
  });
  // 統括 (and a person keeping several sections) sees each section's figures, counted in SQL.
  const sectionLines = m.bySection.map((f) => ({
    text: t(locale, 'duty.month.section_line', {
      section: name(f.sectionCode),
      done: f.done,
      open: f.open,
      overdue: f.overdue,
    }),
  }));
  const articles = citationList(DUTY_KINDS.flatMap((k) => DUTY_DEFINITIONS[k].articles));
  return renderCard('duty-month', {
    title: t(locale, 'duty.month.title', { year: y ?? '', month: String(Number(mo)) }),
    intro:
      m.scope === 'all'
        ? t(locale, 'duty.month.intro_all')
        : t(locale, 'duty.month.intro_sections', { sections: m.scope.map(name) }),
    overdueLine: m.overdue > 0 ? t(locale, 'duty.month.overdue', { n: m.overdue }) : '',
    sectionLines,
    emptyText: t(locale, 'duty.month.empty'),
    items,
    openLabel: t(locale, 'duty.month.open'),
    moreText: m.truncated ? t(locale, 'duty.month.more') : '',
    basis: basis(locale, articles),
    ruleNote: t(locale, 'duty.card.rule_note'),
    menuLabel: t(locale, 'form.menu'),
  });
}
