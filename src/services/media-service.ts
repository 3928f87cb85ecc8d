// Media records (8(3)②アイオ): officers record handovers (ア) and stored media (イ) and later the
// erasure date of a stored medium; anyone asks to dispose of an asset, the section's officer (or
// deputy, 運用ルール) permits or refuses it, and after permission what was done is recorded (オ).
// Every use case reloads the acting person from `aadObjectId` and the record from storage, and
// writes its state change with its audit event in one transaction; every refusal is audited.
import type { Clock } from '../domain/clock';
import type { Localized } from '../domain/cases';
import type { Directory, Person, Section } from '../domain/directory';
import { defaultAnswers, limitAnswers, type FieldErrors } from '../domain/flows/form';
import {
  disposalDeciders,
  isRecordForm,
  keptSections,
  MEDIA_FORM_ARTICLES,
  mayTakeMediaStep,
  mayViewMedia,
  mediaAt,
  mediaFormFields,
  sectionError,
  validateDisposalRecord,
  validateDisposalRequest,
  validateErasure,
  validateHandover,
  validateStorage,
  type MediaDenyReason,
  type MediaForm,
  type MediaStatus,
  type MediaStep,
} from '../domain/media';
import { msg } from '../i18n';
import { AuditRepo } from '../storage/audit-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { MediaRepo, type MediaData, type MediaRecord } from '../storage/media-repo';
import { OutboxRepo, PRIORITY } from '../storage/outbox-repo';
import type { Database, SqlClient } from '../storage/sql';

export type MediaRefusal = MediaDenyReason | 'unknown_actor' | 'not_keeper' | 'no_decider' | 'conflict';

const REFUSALS: Readonly<Record<Exclude<MediaRefusal, 'invalid_state'>, Localized>> = {
  // An id that does not exist and one the person may not see get the same answer.
  not_found: msg('media.denied.not_found'),
  unknown_actor: msg('media.denied.not_found'),
  not_allowed: msg('media.denied.not_allowed'),
  not_keeper: msg('media.denied.not_keeper'),
  own_request: msg('media.denied.own_request'),
  no_decider: msg('media.denied.no_decider'),
  conflict: msg('media.denied.conflict'),
};

const STATUS_LABELS: Readonly<Record<MediaStatus, Localized>> = {
  recorded: msg('media.status.recorded'),
  stored: msg('media.status.stored'),
  erased: msg('media.status.erased'),
  requested: msg('media.status.requested'),
  permitted: msg('media.status.permitted'),
  refused: msg('media.status.refused'),
  done: msg('media.status.done'),
};

export function mediaStatusLabel(status: MediaStatus): Localized {
  return STATUS_LABELS[status];
}

export type Refused = { ok: false; reason: MediaRefusal; message: Localized };

/** What the 「媒体の記録」 card shows a person. */
export interface MediaOverview {
  person: Person;
  /** Sections whose media ledgers the person keeps (officer or deputy). */
  sections: Section[];
  /** Disposal requests of those sections waiting for the person's permission (not their own). */
  toDecide: MediaRecord[];
  /** Stored media of those sections without an erasure date yet. */
  stored: MediaRecord[];
  /** Permitted disposals the person may now record (their own requests, or of their sections). */
  toRecord: MediaRecord[];
  /** The person's own requests waiting for permission. */
  waiting: MediaRecord[];
}

const LIST_LIMIT = 10;

export async function mediaOverview(
  db: Database,
  actorAadObjectId: string,
): Promise<MediaOverview | undefined> {
  const dirRepo = new DirectoryRepo(db);
  const person = await dirRepo.personByAadObjectId(actorAadObjectId);
  if (!person) return undefined;
  const dir = await dirRepo.load();
  const sections = keptSections(dir, person.id);
  const codes = sections.map((s) => s.code);
  const repo = new MediaRepo(db);
  const toDecide = (await repo.listByStatus('disposal', 'requested', codes, LIST_LIMIT + 1)).filter(
    (r) => r.createdBy !== person.id,
  );
  const permittedHere = await repo.listByStatus('disposal', 'permitted', codes, LIST_LIMIT);
  const permittedMine = await repo.listRequestedBy(person.id, 'permitted', LIST_LIMIT);
  const toRecord = [...new Map([...permittedMine, ...permittedHere].map((r) => [r.id, r])).values()]
    .sort((a, b) => (a.at < b.at ? 1 : -1))
    .slice(0, LIST_LIMIT);
  return {
    person,
    sections,
    toDecide: toDecide.slice(0, LIST_LIMIT),
    stored: await repo.listByStatus('storage', 'stored', codes, LIST_LIMIT),
    toRecord,
    waiting: await repo.listRequestedBy(person.id, 'requested', LIST_LIMIT),
  };
}

// ---------------------------------------------------------------------------------------------
// Forms

export interface MediaFormView {
  form: MediaForm;
  /** The record a completing form belongs to; '' for the forms that create one. */
  recordId: string;
  record?: MediaRecord;
  /** The sections the person may record for (the section choice of ア and イ). */
  sections: Section[];
  answers: Record<string, string>;
  errors: FieldErrors;
  draftSavedAt?: Date;
}

const FORM_STEP: Partial<Record<MediaForm, MediaStep>> = {
  erasure: 'erase',
  disposal_record: 'record_disposal',
};

interface Checked {
  person: Person;
  dir: Directory;
  sections: Section[];
  record?: MediaRecord;
}

/** May the person use this form (on this record) now? Deny by default. */
async function checkForm(
  sql: SqlClient,
  actorAadObjectId: string,
  form: MediaForm,
  recordId: string,
): Promise<
  { ok: true; c: Checked } | { ok: false; reason: MediaRefusal; actor: string; record?: MediaRecord }
> {
  const dirRepo = new DirectoryRepo(sql);
  const person = await dirRepo.personByAadObjectId(actorAadObjectId);
  if (!person) return { ok: false, reason: 'unknown_actor', actor: `aad:${actorAadObjectId}` };
  const dir = await dirRepo.load();
  const sections = keptSections(dir, person.id);
  const step = FORM_STEP[form];
  if (step) {
    const record = recordId === '' ? undefined : await new MediaRepo(sql).get(recordId);
    const r = mayTakeMediaStep(dir, person.id, record, step);
    if (!r.ok) return { ok: false, reason: r.reason, actor: person.id, ...(record ? { record } : {}) };
    return { ok: true, c: { person, dir, sections, ...(record ? { record } : {}) } };
  }
  // ア and イ are the officer's ledgers (8(3)②アイ bind the 課情報セキュリティ責任者).
  if ((form === 'handover' || form === 'storage') && sections.length === 0)
    return { ok: false, reason: 'not_keeper', actor: person.id };
  return { ok: true, c: { person, dir, sections } };
}

async function refuse(
  sql: SqlClient,
  at: string,
  input: { actor: string; subject: string; action: string; reason: MediaRefusal; record?: MediaRecord },
): Promise<Refused> {
  await new AuditRepo(sql).append({
    at,
    actor: input.actor,
    event: 'media.action_denied',
    subject: input.subject,
    data: { action: input.action, reason: input.reason },
  });
  if (input.reason === 'invalid_state' && input.record) {
    // Someone who may see the record is told what it is now, and by whom it moved on.
    const by =
      input.record.data.decidedByName ?? input.record.data.recordedByName ?? input.record.data.erasedByName;
    return {
      ok: false,
      reason: 'invalid_state',
      message: msg('media.denied.invalid_state', {
        id: input.record.id,
        status: STATUS_LABELS[input.record.status],
        by: by ?? '—',
      }),
    };
  }
  const key = input.reason === 'invalid_state' ? 'not_found' : input.reason;
  return { ok: false, reason: input.reason, message: REFUSALS[key] };
}

/** The form as the person left it: their draft, or a new form with its defaults. */
export async function openMediaForm(
  db: Database,
  clock: Clock,
  input: { actorAadObjectId: string; form: MediaForm; recordId: string },
): Promise<{ ok: true; view: MediaFormView } | Refused> {
  const now = clock.now();
  const recordId = isRecordForm(input.form) ? input.recordId : '';
  return db.transaction(async (tx) => {
    const checked = await checkForm(tx, input.actorAadObjectId, input.form, recordId);
    if (!checked.ok)
      return refuse(tx, now.toISOString(), {
        actor: checked.actor,
        subject: recordId || input.form,
        action: `open:${input.form}`,
        reason: checked.reason,
        ...(checked.record ? { record: checked.record } : {}),
      });
    const { person, sections, record } = checked.c;
    const draft = await new MediaRepo(tx).getDraft(person.id, input.form, recordId);
    const fields = mediaFormFields(input.form, sections);
    const answers = draft?.answers ?? {
      ...defaultAnswers(fields, now),
      ...startValues(input.form, person, sections),
    };
    return {
      ok: true,
      view: {
        form: input.form,
        recordId,
        ...(record ? { record } : {}),
        sections,
        answers,
        errors: draft?.errors ?? {},
        ...(draft ? { draftSavedAt: new Date(draft.updatedAt) } : {}),
      },
    };
  });
}

/** Values a new form starts with, from the directory (what the person would type anyway). */
function startValues(form: MediaForm, person: Person, sections: Section[]): Record<string, string> {
  const only = sections.length === 1 ? sections[0] : undefined;
  switch (form) {
    case 'handover':
      return only ? { sectionCode: only.code } : {};
    case 'storage':
      return only ? { sectionCode: only.code, ownerSection: only.name } : {};
    case 'disposal_record':
      return { operator: person.name };
    default:
      return {};
  }
}

export type SubmitMediaResult =
  { ok: true; record: MediaRecord } | { ok: false; reason: 'invalid'; view: MediaFormView } | Refused;

/**
 * 記録する: re-checks the person and the record, validates, and then either keeps the draft with the
 * errors (nothing typed is lost) or writes the record, its audit event and — for a disposal
 * request — the cards to the section's officer and deputy, all in one transaction.
 */
export async function submitMediaForm(
  db: Database,
  clock: Clock,
  input: { actorAadObjectId: string; form: MediaForm; recordId: string; answers: Record<string, string> },
): Promise<SubmitMediaResult> {
  const now = clock.now();
  const at = now.toISOString();
  const form = input.form;
  const recordId = isRecordForm(form) ? input.recordId : '';
  const article = MEDIA_FORM_ARTICLES[form];
  return db.transaction(async (tx): Promise<SubmitMediaResult> => {
    const checked = await checkForm(tx, input.actorAadObjectId, form, recordId);
    if (!checked.ok)
      return refuse(tx, at, {
        actor: checked.actor,
        subject: recordId || form,
        action: `submit:${form}`,
        reason: checked.reason,
        ...(checked.record ? { record: checked.record } : {}),
      });
    const { person, dir, sections, record } = checked.c;
    const fields = mediaFormFields(form, sections);
    const v = validate(form, input.answers, now, record, sections);
    const repo = new MediaRepo(tx);
    const audit = new AuditRepo(tx);
    const stored = limitAnswers(fields, input.answers);
    const keepDraft = async (errors: FieldErrors): Promise<SubmitMediaResult> => {
      await repo.saveDraft({ personId: person.id, form, recordId, answers: stored, errors, updatedAt: at });
      // What was typed stays out of the audit trail until it is recorded.
      await audit.append({
        at,
        actor: person.id,
        event: 'media.draft_saved',
        subject: recordId || person.id,
        article,
        data: { form, errorFields: Object.keys(errors) },
      });
      return {
        ok: false,
        reason: 'invalid',
        view: {
          form,
          recordId,
          ...(record ? { record } : {}),
          sections,
          answers: stored,
          errors,
          draftSavedAt: now,
        },
      };
    };
    if (!v.ok) return keepDraft(v.errors);

    const sectionName = (code: string) => dir.sections.find((s) => s.code === code)?.name ?? code;
    let result: MediaRecord;
    if (form === 'handover' || form === 'storage' || form === 'disposal_request') {
      const sectionCode =
        form === 'disposal_request' ? person.sectionCode : (input.answers.sectionCode ?? '');
      const kind = form === 'disposal_request' ? 'disposal' : form;
      if (kind === 'disposal' && disposalDeciders(dir, sectionCode, person.id).length === 0) {
        await keepDraft({});
        return refuse(tx, at, {
          actor: person.id,
          subject: form,
          action: `submit:${form}`,
          reason: 'no_decider',
        });
      }
      const id = await repo.nextId(Number(at.slice(0, 4)));
      const data: MediaData = {
        ...v.data,
        sectionName: sectionName(sectionCode),
        ...(kind === 'disposal'
          ? { requesterName: person.name, requestedAt: at }
          : { recordedByName: person.name, recordedAt: at }),
      };
      result = {
        id,
        kind,
        sectionCode,
        status: kind === 'handover' ? 'recorded' : kind === 'storage' ? 'stored' : 'requested',
        at:
          kind === 'handover'
            ? mediaAt({ kind, month: v.data.month ?? '' }, now)
            : kind === 'storage'
              ? mediaAt({ kind, createdOn: v.data.createdOn ?? '' }, now)
              : mediaAt({ kind }, now),
        data,
        createdBy: person.id,
        createdAt: at,
        updatedAt: at,
        version: 1,
      };
      await repo.insert(result);
      await audit.append({
        at,
        actor: person.id,
        event: `media.${kind === 'disposal' ? 'disposal_requested' : `${kind}_recorded`}`,
        subject: id,
        article,
        data: { kind, sectionCode, status: result.status },
      });
      if (kind === 'disposal') await notifyDeciders(tx, dir, result, at);
    } else {
      // erasure / disposal_record complete the record: before/after in the audit event.
      const current = record as MediaRecord;
      const to: MediaStatus = form === 'erasure' ? 'erased' : 'done';
      const added: MediaData =
        form === 'erasure'
          ? { ...v.data, erasedBy: person.id, erasedByName: person.name, erasedAt: at }
          : { ...v.data, recordedBy: person.id, recordedByName: person.name, recordedAt: at };
      const data = { ...current.data, ...added };
      const changed = await repo.update(current.id, current.version, { status: to, data, updatedAt: at });
      if (!changed)
        return refuse(tx, at, {
          actor: person.id,
          subject: current.id,
          action: `submit:${form}`,
          reason: 'conflict',
        });
      result = { ...current, status: to, data, updatedAt: at, version: current.version + 1 };
      const fieldsChanged = Object.keys(v.data);
      await audit.append({
        at,
        actor: person.id,
        event: form === 'erasure' ? 'media.erasure_recorded' : 'media.disposal_recorded',
        subject: current.id,
        article,
        data: {
          before: { status: current.status, ...pick(current.data, fieldsChanged) },
          after: { status: to, ...pick(data, fieldsChanged) },
        },
      });
    }
    await repo.deleteDraft(person.id, form, recordId);
    return { ok: true, record: result };
  });
}

function pick(data: MediaData, keys: readonly string[]): Record<string, string | null> {
  return Object.fromEntries(keys.map((k) => [k, data[k] ?? null]));
}

type Validated = { ok: true; data: Record<string, string> } | { ok: false; errors: FieldErrors };

/** The form's validation, its values flattened to text (dates as typed, times UTC ISO). */
function validate(
  form: MediaForm,
  answers: Record<string, string>,
  now: Date,
  record: MediaRecord | undefined,
  sections: readonly Section[],
): Validated {
  const flat = (value: object): Record<string, string> =>
    Object.fromEntries(
      Object.entries(value)
        .filter(([, x]) => x !== undefined && x !== '')
        .map(([k, x]) => [k, x instanceof Date ? x.toISOString() : String(x)]),
    );
  const withSection = (v: { ok: true; value: object } | { ok: false; errors: FieldErrors }): Validated => {
    const problem = sectionError(
      answers.sectionCode,
      sections.map((s) => s.code),
    );
    const errors: FieldErrors = { ...(problem ? { sectionCode: problem } : {}), ...(v.ok ? {} : v.errors) };
    if (Object.keys(errors).length > 0 || !v.ok) return { ok: false, errors };
    return { ok: true, data: flat(v.value) };
  };
  const plain = (v: { ok: true; value: object } | { ok: false; errors: FieldErrors }): Validated =>
    v.ok ? { ok: true, data: flat(v.value) } : { ok: false, errors: v.errors };
  switch (form) {
    case 'handover':
      return withSection(validateHandover(answers, { now }));
    case 'storage':
      return withSection(validateStorage(answers, { now }));
    case 'disposal_request':
      return plain(validateDisposalRequest(answers, { now }));
    case 'erasure':
      return plain(validateErasure(answers, { now, createdOn: record?.data.createdOn ?? '' }));
    case 'disposal_record':
      return plain(
        validateDisposalRecord(answers, { now, permittedAt: new Date(record?.data.decidedAt ?? 0) }),
      );
  }
}

/** The section's officer and deputy get the request as a card (never the requester). */
async function notifyDeciders(tx: SqlClient, dir: Directory, r: MediaRecord, at: string): Promise<void> {
  const outbox = new OutboxRepo(tx);
  for (const personId of disposalDeciders(dir, r.sectionCode, r.createdBy)) {
    const p = dir.people.find((x) => x.id === personId);
    if (!p) continue;
    await outbox.enqueue({
      dedupeKey: `media.disposal:${r.id}:${personId}:requested`,
      toAad: p.aadObjectId,
      priority: PRIORITY.normal,
      message: { type: 'media.disposal', recordId: r.id, personId },
      at,
    });
  }
}

/** 破棄: the person's draft of this form is dropped (audited, without its content). */
export async function discardMediaDraft(
  db: Database,
  clock: Clock,
  input: { actorAadObjectId: string; form: MediaForm; recordId: string },
): Promise<boolean> {
  const at = clock.now().toISOString();
  const recordId = isRecordForm(input.form) ? input.recordId : '';
  return db.transaction(async (tx) => {
    const person = await new DirectoryRepo(tx).personByAadObjectId(input.actorAadObjectId);
    if (!person) return false;
    const gone = await new MediaRepo(tx).deleteDraft(person.id, input.form, recordId);
    if (gone)
      await new AuditRepo(tx).append({
        at,
        actor: person.id,
        event: 'media.draft_discarded',
        subject: recordId || person.id,
        article: MEDIA_FORM_ARTICLES[input.form],
        data: { form: input.form },
      });
    return gone;
  });
}

// ---------------------------------------------------------------------------------------------
// Permission (8(3)②オ: 課情報セキュリティ責任者の許可を得て)

/**
 * 許可 / 不許可 of a disposal request, one click. Exactly one decision per request: the version check
 * turns a second click (the deputy's, or a replay) into "already decided". The requester is told.
 */
export async function decideDisposal(
  db: Database,
  clock: Clock,
  input: { actorAadObjectId: string; recordId: string; outcome: 'permit' | 'refuse' },
): Promise<{ ok: true; record: MediaRecord } | Refused> {
  const at = clock.now().toISOString();
  const action = input.outcome;
  return db.transaction(async (tx) => {
    const dirRepo = new DirectoryRepo(tx);
    const person = await dirRepo.personByAadObjectId(input.actorAadObjectId);
    if (!person)
      return refuse(tx, at, {
        actor: `aad:${input.actorAadObjectId}`,
        subject: input.recordId,
        action,
        reason: 'unknown_actor',
      });
    const dir = await dirRepo.load();
    const repo = new MediaRepo(tx);
    const record = await repo.get(input.recordId);
    const r = mayTakeMediaStep(dir, person.id, record, action);
    if (!r.ok || !record)
      return refuse(tx, at, {
        actor: person.id,
        subject: input.recordId,
        action,
        reason: r.ok ? 'not_found' : r.reason,
        ...(record ? { record } : {}),
      });
    const data: MediaData = {
      ...record.data,
      decision: r.to,
      decidedBy: person.id,
      decidedByName: person.name,
      decidedAt: at,
    };
    if (!(await repo.update(record.id, record.version, { status: r.to, data, updatedAt: at })))
      return refuse(tx, at, { actor: person.id, subject: record.id, action, reason: 'conflict' });
    const updated: MediaRecord = {
      ...record,
      status: r.to,
      data,
      updatedAt: at,
      version: record.version + 1,
    };
    await new AuditRepo(tx).append({
      at,
      actor: person.id,
      event: r.to === 'permitted' ? 'media.disposal_permitted' : 'media.disposal_refused',
      subject: record.id,
      article: '8(3)②オ',
      data: { before: { status: record.status }, after: { status: r.to } },
    });
    const requester = dir.people.find((p) => p.id === record.createdBy);
    if (requester)
      await new OutboxRepo(tx).enqueue({
        dedupeKey: `media.disposal:${record.id}:${requester.id}:${r.to}`,
        toAad: requester.aadObjectId,
        priority: PRIORITY.normal,
        message: { type: 'media.disposal', recordId: record.id, personId: requester.id },
        at,
      });
    return { ok: true, record: updated };
  });
}

// ---------------------------------------------------------------------------------------------
// Reading one record (the disposal card)

export interface MediaRecordView {
  record: MediaRecord;
  /** The viewer may permit or refuse it now. */
  mayDecide: boolean;
  /** The viewer may record what was done now. */
  mayRecord: boolean;
}

/**
 * A record as `viewerId` may see it, or undefined (audited) when they may not — the same for an id
 * that does not exist. Used for the cards the outbox posts and for the card flow.
 */
export async function viewMediaRecord(
  db: Database,
  clock: Clock,
  input: { recordId: string; viewerId: string; via: string },
): Promise<MediaRecordView | undefined> {
  const dirRepo = new DirectoryRepo(db);
  const dir = await dirRepo.load();
  const record = await new MediaRepo(db).get(input.recordId);
  if (
    !record ||
    !dir.people.some((p) => p.id === input.viewerId) ||
    !mayViewMedia(dir, input.viewerId, record)
  ) {
    await new AuditRepo(db).append({
      at: clock.now().toISOString(),
      actor: input.viewerId,
      event: 'media.view_denied',
      subject: input.recordId,
      data: { via: input.via, reason: record ? 'no_need_to_know' : 'not_found' },
    });
    return undefined;
  }
  return {
    record,
    mayDecide: mayTakeMediaStep(dir, input.viewerId, record, 'permit').ok,
    mayRecord: mayTakeMediaStep(dir, input.viewerId, record, 'record_disposal').ok,
  };
}
