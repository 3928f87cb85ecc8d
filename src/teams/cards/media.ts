// The media record cards (8(3)②アイオ): the 「媒体の記録」 overview, the forms, and the disposal
// request as its officer or requester sees it. Typed text goes into TextRuns (RowSchema values,
// item summaries), never into Markdown.
import { formatJst } from '../../domain/clock';
import { FORM_ERROR_KEY, type FieldDef } from '../../domain/flows/form';
import {
  MEDIA_ARTICLES,
  MEDIA_FORM_ARTICLES,
  MEDIA_FORM_FIELDS,
  MEDIA_FORM_TITLES,
  MEDIA_LABELS,
  mediaFormFields,
  type MediaForm,
} from '../../domain/media';
import type { MediaFormView, MediaOverview, MediaRecordView } from '../../services/media-service';
import { mediaStatusLabel } from '../../services/media-service';
import type { MediaRecord } from '../../storage/media-repo';
import { basis } from '../citation';
import { t, type Locale, type Msg } from '../i18n';
import { answerRows } from './answer-rows';
import { inputValue } from './answers';
import { renderCard, type AdaptiveCardJson } from './registry';
import type { FormFieldCardData } from './schemas/flow-form';
import type { DisplayRow } from './types';

export function fieldData(
  locale: Locale,
  field: FieldDef,
  answers: Record<string, string>,
  errors: MediaFormView['errors'],
): FormFieldCardData {
  const isChoice = field.kind === 'choice' || field.kind === 'multichoice';
  const label = t(locale, field.label);
  const help = [field.help ? t(locale, field.help) : '', field.article ? basis(locale, field.article) : '']
    .filter((s) => s !== '')
    .join(' ');
  return {
    id: field.id,
    kind: field.kind,
    label: field.required ? label + t(locale, 'form.requiredSuffix') : label,
    required: field.required,
    value: inputValue(field, answers[field.id]),
    placeholder: field.placeholder
      ? t(locale, field.placeholder)
      : isChoice
        ? t(locale, 'form.choosePlaceholder')
        : '',
    help,
    error: errors[field.id] ? t(locale, errors[field.id] as Msg) : '',
    requiredMessage: t(locale, isChoice ? 'form.chooseMessage' : 'form.requiredMessage', { label }),
    choices: (field.choices ?? []).map((c) => ({ title: t(locale, c.label), value: c.value })),
    maxLength: field.maxLength ?? 0,
  };
}

/** The record's own items as rows (the fields of the form that made it), with its id and status. */
export function recordRows(locale: Locale, r: MediaRecord): DisplayRow[] {
  const form: MediaForm = r.kind === 'disposal' ? 'disposal_request' : r.kind;
  const rows: DisplayRow[] = [
    { label: t(locale, 'media.ledger.id'), value: r.id },
    { label: t(locale, MEDIA_LABELS.sectionCode), value: r.data.sectionName ?? r.sectionCode },
    ...answerRows(locale, MEDIA_FORM_FIELDS[form], { ...r.data }),
  ];
  if (r.kind === 'disposal') {
    rows.push({ label: t(locale, 'media.ledger.requester'), value: r.data.requesterName ?? '—' });
    if (r.data.decidedAt)
      rows.push({
        label: t(locale, 'media.ledger.decided_by'),
        value: `${r.data.decidedByName ?? '—'}（${formatJst(new Date(r.data.decidedAt))}）`,
      });
    if (r.data.doneAt) {
      rows.push({ label: t(locale, MEDIA_LABELS.doneAt), value: formatJst(new Date(r.data.doneAt)) });
      const rest = MEDIA_FORM_FIELDS.disposal_record.filter((f) => f.id !== 'doneAt');
      rows.push(...answerRows(locale, rest, { ...r.data }));
    }
  }
  if (r.kind === 'storage' && r.data.erasedOn)
    rows.push({ label: t(locale, MEDIA_LABELS.erasedOn), value: r.data.erasedOn.replace(/-/g, '/') });
  // A row needs a value to render: an empty answer reads （未入力）.
  return rows.map((row) => (row.value === '' ? { ...row, value: t(locale, 'value.empty') } : row));
}

function summary(r: MediaRecord): { id: string; summary: string; detail: string } {
  const name = r.data.fileName ?? r.data.assetName ?? r.id;
  const detail = [r.data.sectionName, r.data.mediaId, r.data.requesterName].filter(Boolean).join(' / ');
  return { id: r.id, summary: name, detail };
}

export function buildMediaMenuCard(locale: Locale, o: MediaOverview, lead?: Msg): AdaptiveCardJson {
  const keeper = o.sections.length > 0;
  const forms: MediaForm[] = keeper ? ['handover', 'storage', 'disposal_request'] : ['disposal_request'];
  return renderCard('media-menu', {
    title: t(locale, 'media.menu.title'),
    intro: lead ? t(locale, lead) : t(locale, keeper ? 'media.menu.intro_keeper' : 'media.menu.intro_staff'),
    sectionsLine: keeper
      ? t(locale, 'media.menu.sections', {
          sections: o.sections.map((s) => s.name).join(t(locale, 'value.listSeparator')),
        })
      : '',
    basis: basis(
      locale,
      keeper
        ? [MEDIA_ARTICLES.handover, MEDIA_ARTICLES.storage, MEDIA_ARTICLES.disposal]
        : MEDIA_ARTICLES.disposal,
    ),
    createButtons: forms.map((form) => ({ title: t(locale, MEDIA_FORM_TITLES[form]), form })),
    decideHeading: t(locale, 'media.menu.to_decide'),
    toDecide: o.toDecide.map(summary),
    permitLabel: t(locale, 'media.permit'),
    refuseLabel: t(locale, 'media.refuse'),
    recordHeading: t(locale, 'media.menu.to_record'),
    toRecord: o.toRecord.map(summary),
    recordLabel: t(locale, MEDIA_FORM_TITLES.disposal_record),
    storedHeading: t(locale, 'media.menu.stored'),
    stored: o.stored.map(summary),
    eraseLabel: t(locale, MEDIA_FORM_TITLES.erasure),
    waitingHeading: t(locale, 'media.menu.waiting'),
    waiting: o.waiting.map(summary),
    menuLabel: t(locale, 'form.menu'),
  });
}

export function buildMediaFormCard(locale: Locale, v: MediaFormView): AdaptiveCardJson {
  const fields = mediaFormFields(v.form, v.sections);
  const fieldIds = new Set(fields.map((f) => f.id));
  const formError = Object.entries(v.errors)
    .filter(([key]) => key === FORM_ERROR_KEY || !fieldIds.has(key))
    .map(([, m]) => t(locale, m))
    .join('\n\n');
  return renderCard('media-form', {
    title: t(locale, MEDIA_FORM_TITLES[v.form]),
    basis: basis(locale, MEDIA_FORM_ARTICLES[v.form]),
    formError,
    draftNote: v.draftSavedAt ? t(locale, 'form.draftNote', { savedAt: formatJst(v.draftSavedAt) }) : '',
    intro: t(locale, `media.intro.${v.form}`),
    context: v.record ? recordRows(locale, v.record) : [],
    timeLabel: t(locale, 'form.timeLabel'),
    timeRequiredMessage: t(locale, 'form.timeRequiredMessage'),
    fields: fields.map((f) => fieldData(locale, f, v.answers, v.errors)),
    form: v.form,
    recordId: v.recordId,
    submitLabel: t(locale, 'media.submit'),
    discardLabel: t(locale, 'form.discard'),
    backLabel: t(locale, 'media.back'),
  });
}

/** A disposal request as this viewer may see it: 許可 / 不許可 for the officer, 処理を記録 after permission. */
export function buildMediaDisposalCard(locale: Locale, v: MediaRecordView): AdaptiveCardJson {
  const r = v.record;
  const buttons = [
    ...(v.mayDecide
      ? [
          {
            title: t(locale, 'media.permit'),
            verb: 'media.permit' as const,
            recordId: r.id,
            form: '' as const,
          },
          {
            title: t(locale, 'media.refuse'),
            verb: 'media.refuse' as const,
            recordId: r.id,
            form: '' as const,
          },
        ]
      : []),
    ...(v.mayRecord
      ? [
          {
            title: t(locale, MEDIA_FORM_TITLES.disposal_record),
            verb: 'media.form' as const,
            recordId: r.id,
            form: 'disposal_record' as const,
          },
        ]
      : []),
  ];
  const note = v.mayDecide
    ? t(locale, 'media.disposal.note_decide')
    : v.mayRecord
      ? t(locale, 'media.disposal.note_record')
      : '';
  return renderCard('media-disposal', {
    title: t(locale, 'media.disposal.title', { id: r.id }),
    status: t(locale, 'media.disposal.status', { status: mediaStatusLabel(r.status) }),
    context: recordRows(locale, r),
    note,
    basis: basis(locale, MEDIA_ARTICLES.disposal),
    buttons,
  });
}
