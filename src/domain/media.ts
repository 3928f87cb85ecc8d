// Media records (記録媒体等の管理, 対策基準 8(3)②): the handover ledger (ア), the storage ledger (イ)
// and the disposal record (オ). Pure rules: the items each record holds — exactly the standard's
// lists —, their validation, who may record what, and the disposal's steps (permission first, then
// the record of what was done). Storage and Teams live elsewhere.
import { z } from 'zod';
import type { ArticleId } from './articles';
import type { Directory, Section } from './directory';
import type { Localized } from './cases';
import {
  choice,
  CLASS_CHOICES,
  date,
  datetime,
  defineForm,
  endNotBeforeStart,
  notInFuture,
  runValidation,
  text,
  textarea,
  type FieldDef,
  type FieldErrors,
  type ValidationContext,
  type ValidationResult,
} from './flows/form';
import { jstDateOf, startOfJstDay, type IsoDate } from './policy/jst';
import { msg } from '../i18n';

export const MEDIA_KINDS = ['handover', 'storage', 'disposal'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/**
 * handover: recorded (final). storage: stored → erased (消去年月日 filled in later).
 * disposal: requested → permitted | refused; permitted → done (the record of what was done).
 */
export const MEDIA_STATUSES = [
  'recorded',
  'stored',
  'erased',
  'requested',
  'permitted',
  'refused',
  'done',
] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];

/** The article each kind of record applies. */
export const MEDIA_ARTICLES: Readonly<Record<MediaKind, ArticleId>> = {
  handover: '8(3)②ア',
  storage: '8(3)②イ',
  disposal: '8(3)②オ',
};

/** The forms of the card flow: three that create a record, two that complete one. */
export const MEDIA_FORMS = ['handover', 'storage', 'erasure', 'disposal_request', 'disposal_record'] as const;
export type MediaForm = (typeof MEDIA_FORMS)[number];

export function isMediaForm(value: unknown): value is MediaForm {
  return typeof value === 'string' && (MEDIA_FORMS as readonly string[]).includes(value);
}

/** Forms that complete an existing record (they carry its id). */
export const RECORD_FORMS = ['erasure', 'disposal_record'] as const satisfies readonly MediaForm[];
export function isRecordForm(f: MediaForm): f is (typeof RECORD_FORMS)[number] {
  return (RECORD_FORMS as readonly string[]).includes(f);
}

export const MEDIA_FORM_ARTICLES: Readonly<Record<MediaForm, ArticleId>> = {
  handover: '8(3)②ア',
  storage: '8(3)②イ',
  erasure: '8(3)②イ',
  disposal_request: '8(3)②オ',
  disposal_record: '8(3)②オ',
};

export const MEDIA_ID_PATTERN = /^MED-\d{4}-\d{4,}$/;

export function formatMediaId(year: number, seq: number): string {
  return `MED-${year}-${String(seq).padStart(4, '0')}`;
}

// ---------------------------------------------------------------------------------------------
// The items of each record

export const MEDIA_TYPES = ['usb', 'external_disk', 'sd_card', 'optical', 'tape', 'paper', 'other'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

export const MEDIA_TYPE_LABELS: Readonly<Record<MediaType, Localized>> = {
  usb: msg('media.type.usb'),
  external_disk: msg('media.type.external_disk'),
  sd_card: msg('media.type.sd_card'),
  optical: msg('media.type.optical'),
  tape: msg('media.type.tape'),
  paper: msg('media.type.paper'),
  other: msg('media.type.other'),
};
const MEDIA_TYPE_CHOICES = MEDIA_TYPES.map((value) => ({ value, label: MEDIA_TYPE_LABELS[value] }));

/** How the data was made unrecoverable before disposal (8(3)②オ: 復元できないよう確実な方法で). */
export const ERASURE_METHODS = [
  'physical_destruction',
  'overwrite',
  'degauss',
  'crypto_erase',
  'shredding',
] as const;
export type ErasureMethod = (typeof ERASURE_METHODS)[number];

export const ERASURE_METHOD_LABELS: Readonly<Record<ErasureMethod, Localized>> = {
  physical_destruction: msg('media.method.physical_destruction'),
  overwrite: msg('media.method.overwrite'),
  degauss: msg('media.method.degauss'),
  crypto_erase: msg('media.method.crypto_erase'),
  shredding: msg('media.method.shredding'),
};
const METHOD_CHOICES = ERASURE_METHODS.map((value) => ({ value, label: ERASURE_METHOD_LABELS[value] }));

/** Field labels (also the ledgers' column labels). */
export const MEDIA_LABELS = {
  sectionCode: msg('media.field.section'),
  fileName: msg('media.field.file_name'),
  carrierName: msg('media.field.carrier_name'),
  carrierUnit: msg('media.field.carrier_unit'),
  receiverName: msg('media.field.receiver_name'),
  receiverUnit: msg('media.field.receiver_unit'),
  mediaType: msg('media.field.media_type'),
  mediaId: msg('media.field.media_id'),
  month: msg('media.field.month'),
  other: msg('media.field.other'),
  ownerSection: msg('media.field.owner_section'),
  createdOn: msg('media.field.created_on'),
  keepUntil: msg('media.field.keep_until'),
  erasedOn: msg('media.field.erased_on'),
  location: msg('media.field.location'),
  importance: msg('media.field.importance'),
  assetName: msg('media.field.asset_name'),
  reason: msg('media.field.reason'),
  doneAt: msg('media.field.done_at'),
  operator: msg('media.field.operator'),
  method: msg('media.field.method'),
  details: msg('media.field.details'),
} satisfies Record<string, Localized>;
const L = MEDIA_LABELS;

const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** `YYYY-MM` of a real month (1900–2999), else null. Full-width digits are accepted. */
export function parseMonth(input: string): string | null {
  const s = input.trim().replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = MONTH_RE.exec(s.replace(/[/.年]/, '-').replace(/月$/, ''));
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  return y >= 1900 && y <= 2999 && mo >= 1 && mo <= 12 ? `${m[1]}-${m[2]}` : null;
}

const month = (label: Localized) =>
  text(true, {
    label,
    maxLength: 10,
    placeholder: msg('media.placeholder.month'),
    check: (s) => (parseMonth(s) === null ? msg('media.error.bad_month', { label }) : null),
  });

const common = {
  fileName: text(true, { label: L.fileName, maxLength: 200 }),
  mediaType: choice(true, { label: L.mediaType, choices: MEDIA_TYPE_CHOICES }),
  mediaId: text(true, { label: L.mediaId, maxLength: 100, placeholder: msg('media.placeholder.media_id') }),
  other: textarea(false, {
    label: L.other,
    maxLength: 1000,
    help: msg('media.help.other'),
  }),
};

// ア 授受: (ア) ファイルの名称 (イ) 搬入者及び受領者の氏名並びにその所属等の名称 (ウ) 媒体の種別
// (エ) 媒体の識別番号 (オ) 授受年月 (カ) その他課情報セキュリティ責任者が必要と認める事項
const handoverForm = defineForm({
  fileName: common.fileName,
  carrierName: text(true, { label: L.carrierName, maxLength: 100 }),
  carrierUnit: text(true, { label: L.carrierUnit, maxLength: 100 }),
  receiverName: text(true, { label: L.receiverName, maxLength: 100 }),
  receiverUnit: text(true, { label: L.receiverUnit, maxLength: 100 }),
  mediaType: common.mediaType,
  mediaId: common.mediaId,
  month: month(L.month),
  other: common.other,
});
export const HandoverSchema = z.object(handoverForm.shape).transform((v) => ({
  ...v,
  month: parseMonth(v.month) as string,
}));
export type Handover = z.output<typeof HandoverSchema>;

// イ 保管: (ア) ファイルの名称 (イ) 業務主管課名 (ウ) 媒体の種別 (エ) 媒体の識別番号 (オ) 作成年月日
// (カ) 保管期限 (キ) 消去年月日 — filled in later, see the erasure form — (ク) 格納場所 (ケ) その他.
// イ asks that the importance of the data be easy to see: the 重要性分類 (8(2)①) of the most
// important data held (8(3)①イ) is part of the entry.
const storageForm = defineForm({
  fileName: common.fileName,
  ownerSection: text(true, { label: L.ownerSection, maxLength: 100 }),
  importance: choice(true, { label: L.importance, choices: CLASS_CHOICES, article: '8(3)①イ' }),
  mediaType: common.mediaType,
  mediaId: common.mediaId,
  createdOn: date(true, { label: L.createdOn }),
  keepUntil: date(true, { label: L.keepUntil }),
  location: text(true, { label: L.location, maxLength: 200, placeholder: msg('media.placeholder.location') }),
  other: common.other,
});
export const StorageSchema = z.object(storageForm.shape).superRefine((v, ctx) => {
  if (v.keepUntil < v.createdOn) endNotBeforeStart(ctx, 'keepUntil', L.keepUntil, L.createdOn);
});
export type Storage = z.output<typeof StorageSchema>;

const erasureForm = defineForm({ erasedOn: date(true, { label: L.erasedOn }) });
export const ErasureSchema = z.object(erasureForm.shape);
export type Erasure = z.output<typeof ErasureSchema>;

// オ 廃棄: the asset, then (after the officer's permission) the record of what was done:
// 日時, 担当者, 処理内容 — erased beyond recovery before disposal.
const disposalRequestForm = defineForm({
  assetName: text(true, { label: L.assetName, maxLength: 200 }),
  mediaType: common.mediaType,
  mediaId: common.mediaId,
  importance: choice(true, { label: L.importance, choices: CLASS_CHOICES, article: '8(3)①イ' }),
  reason: textarea(false, { label: L.reason, maxLength: 1000 }),
});
export const DisposalRequestSchema = z.object(disposalRequestForm.shape);
export type DisposalRequest = z.output<typeof DisposalRequestSchema>;

const disposalRecordForm = defineForm({
  doneAt: datetime(true, { label: L.doneAt, defaultNow: true }),
  operator: text(true, { label: L.operator, maxLength: 100 }),
  method: choice(true, { label: L.method, choices: METHOD_CHOICES, help: msg('media.help.method') }),
  details: textarea(true, {
    label: L.details,
    maxLength: 2000,
    placeholder: msg('media.placeholder.details'),
  }),
});
export const DisposalRecordSchema = z.object(disposalRecordForm.shape);
export type DisposalRecord = z.output<typeof DisposalRecordSchema>;

export const MEDIA_FORM_FIELDS: Readonly<Record<MediaForm, readonly FieldDef[]>> = {
  handover: handoverForm.fields,
  storage: storageForm.fields,
  erasure: erasureForm.fields,
  disposal_request: disposalRequestForm.fields,
  disposal_record: disposalRecordForm.fields,
};

export const MEDIA_FORM_TITLES: Readonly<Record<MediaForm, Localized>> = {
  handover: msg('media.form.handover'),
  storage: msg('media.form.storage'),
  erasure: msg('media.form.erasure'),
  disposal_request: msg('media.form.disposal_request'),
  disposal_record: msg('media.form.disposal_record'),
};

// ---------------------------------------------------------------------------------------------
// Validation (clock rules and, for the forms that complete a record, the record's own dates)

const future = (errors: FieldErrors, field: string, label: Localized, day: IsoDate, now: Date) => {
  if (day > jstDateOf(now)) errors[field] = msg('form.error.future', { label });
};

export function validateHandover(raw: unknown, ctx: ValidationContext): ValidationResult<Handover> {
  return runValidation(HandoverSchema, raw, ctx, (v, c) => {
    const errors: FieldErrors = {};
    if (v.month > jstDateOf(c.now).slice(0, 7)) errors.month = msg('form.error.future', { label: L.month });
    return errors;
  });
}

export function validateStorage(raw: unknown, ctx: ValidationContext): ValidationResult<Storage> {
  return runValidation(StorageSchema, raw, ctx, (v, c) => {
    const errors: FieldErrors = {};
    future(errors, 'createdOn', L.createdOn, v.createdOn, c.now);
    return errors;
  });
}

/** 消去年月日: a real date, not in the future, not before the entry's 作成年月日. */
export function validateErasure(
  raw: unknown,
  ctx: ValidationContext & { createdOn: IsoDate },
): ValidationResult<Erasure> {
  return runValidation(ErasureSchema, raw, ctx, (v, c) => {
    const errors: FieldErrors = {};
    if (v.erasedOn < ctx.createdOn)
      errors.erasedOn = msg('form.error.endBeforeStart', { label: L.erasedOn, start: L.createdOn });
    else future(errors, 'erasedOn', L.erasedOn, v.erasedOn, c.now);
    return errors;
  });
}

export function validateDisposalRequest(
  raw: unknown,
  ctx: ValidationContext,
): ValidationResult<DisposalRequest> {
  return runValidation(DisposalRequestSchema, raw, ctx);
}

/**
 * 日時 of the disposal: not in the future, not before the officer's permission. The form carries
 * minutes only, so the permission counts from the start of its minute (else a disposal recorded in
 * the minute of the permission could carry no time at all: the minute is "before", the next one is
 * in the future).
 */
export function validateDisposalRecord(
  raw: unknown,
  ctx: ValidationContext & { permittedAt: Date },
): ValidationResult<DisposalRecord> {
  const permittedMinute = Math.floor(ctx.permittedAt.getTime() / 60_000) * 60_000;
  return runValidation(DisposalRecordSchema, raw, ctx, (v, c) => {
    const errors: FieldErrors = {};
    notInFuture(errors, 'doneAt', L.doneAt, v.doneAt, c.now);
    if (v.doneAt.getTime() < permittedMinute)
      errors.doneAt = msg('media.error.before_permission', { label: L.doneAt });
    return errors;
  });
}

/** The section choice of the forms that create a record: one of the sections the person keeps. */
export function sectionError(sectionCode: string | undefined, allowed: readonly string[]): Localized | null {
  if (sectionCode === undefined || sectionCode.trim() === '')
    return msg('form.error.choose', { label: L.sectionCode });
  return allowed.includes(sectionCode) ? null : msg('form.error.badChoice', { label: L.sectionCode });
}

// ---------------------------------------------------------------------------------------------
// Who may do what (deny by default)

/**
 * The sections whose media ledgers a person keeps: the 課情報セキュリティ責任者 the standard binds
 * (8(3)②アイオ), and the section's 代理者 (運用ルール: the standard has no deputy).
 */
export function keptSections(dir: Directory, personId: string): Section[] {
  return dir.sections.filter((s) => s.officerId === personId || s.deputyId === personId);
}

export function keepsSection(dir: Directory, personId: string, sectionCode: string): boolean {
  return keptSections(dir, personId).some((s) => s.code === sectionCode);
}

export interface MediaRecordState {
  id: string;
  kind: MediaKind;
  sectionCode: string;
  status: MediaStatus;
  createdBy: string;
}

export type MediaStep = 'erase' | 'permit' | 'refuse' | 'record_disposal';

export type MediaDenyReason = 'not_found' | 'not_allowed' | 'own_request' | 'invalid_state';

/** Who may see a record: the keepers of its section, and the person who asked to dispose of it. */
export function mayViewMedia(dir: Directory, personId: string, r: MediaRecordState): boolean {
  return keepsSection(dir, personId, r.sectionCode) || (r.kind === 'disposal' && r.createdBy === personId);
}

const STEP_FROM: Readonly<Record<MediaStep, { kind: MediaKind; status: MediaStatus; to: MediaStatus }>> = {
  erase: { kind: 'storage', status: 'stored', to: 'erased' },
  permit: { kind: 'disposal', status: 'requested', to: 'permitted' },
  refuse: { kind: 'disposal', status: 'requested', to: 'refused' },
  // A disposal without the officer's permission cannot be recorded as done (8(3)②オ).
  record_disposal: { kind: 'disposal', status: 'permitted', to: 'done' },
};

export type MediaStepResult = { ok: true; to: MediaStatus } | { ok: false; reason: MediaDenyReason };

/**
 * Whether `personId` may take `step` on the record now. Order: may see it (else it is 'not_found',
 * the same answer as for an id that does not exist) → the step fits the record's kind and state →
 * the person's grant for that step.
 */
export function mayTakeMediaStep(
  dir: Directory,
  personId: string,
  r: MediaRecordState | undefined,
  step: MediaStep,
): MediaStepResult {
  if (!r || !mayViewMedia(dir, personId, r)) return { ok: false, reason: 'not_found' };
  const from = STEP_FROM[step];
  if (r.kind !== from.kind) return { ok: false, reason: 'not_found' };
  if (r.status !== from.status) return { ok: false, reason: 'invalid_state' };
  const keeper = keepsSection(dir, personId, r.sectionCode);
  switch (step) {
    case 'erase':
      return keeper ? { ok: true, to: from.to } : { ok: false, reason: 'not_allowed' };
    case 'permit':
    case 'refuse':
      // The officer (or deputy) gives permission; nobody permits their own request.
      if (r.createdBy === personId) return { ok: false, reason: 'own_request' };
      return keeper ? { ok: true, to: from.to } : { ok: false, reason: 'not_allowed' };
    case 'record_disposal':
      return r.createdBy === personId || keeper
        ? { ok: true, to: from.to }
        : { ok: false, reason: 'not_allowed' };
  }
}

/** The people who may permit a disposal request: the section's officer and deputy, never the requester. */
export function disposalDeciders(dir: Directory, sectionCode: string, requesterId: string): string[] {
  const s = dir.sections.find((x) => x.code === sectionCode);
  if (!s) return [];
  return [
    ...new Set([s.officerId, s.deputyId].filter((id): id is string => id !== null && id !== requesterId)),
  ];
}

// ---------------------------------------------------------------------------------------------
// The ledger date of a record (`at`): fixed when the record is made, so keyset paging is stable.

/** handover: the first day of 授受年月; storage: 作成年月日 (00:00 JST); disposal: when it was asked for. */
export function mediaAt(
  value: { kind: 'handover'; month: string } | { kind: 'storage'; createdOn: IsoDate } | { kind: 'disposal' },
  now: Date,
): string {
  switch (value.kind) {
    case 'handover':
      return startOfJstDay(`${value.month}-01`).toISOString();
    case 'storage':
      return startOfJstDay(value.createdOn).toISOString();
    case 'disposal':
      return now.toISOString();
  }
}

/** The section choice that the forms creating a handover or storage entry start with. */
export function mediaFormFields(
  form: MediaForm,
  sections: readonly { code: string; name: string }[],
): FieldDef[] {
  const own = MEDIA_FORM_FIELDS[form];
  if (form !== 'handover' && form !== 'storage') return [...own];
  const section: FieldDef = {
    id: 'sectionCode',
    label: L.sectionCode,
    kind: 'choice',
    required: true,
    choices: sections.map((s) => ({ value: s.code, label: msg('stored.raw', { text: s.name }) })),
  };
  return [section, ...own];
}
