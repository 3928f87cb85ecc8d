// Broadcasts linked to a case or chained to a parent (issue 10, incident steps): 統括 has a case sent
// on through IT管理者 (12(4)⑤ to the other officers, 12(5)②エ to all staff); the recurrence steps of
// a closed failure or breach (12(5)③: record → agreed with IT管理者 → reported to 統括 → staff told);
// the relay of a revised standard from each officer to their staff (14(5) → 14(6)). Each step is one
// transaction with its audit row; every refusal is audited. Rules: domain/case-broadcasts.ts.
//
// Drafts are prepared here and sent by the broadcast service (sendBroadcast), which re-checks the
// sender and, for an officer's own-section purposes, the link (checkBroadcastLinks).
//
// Outbox dedupe keys:
//   bcp:<broadcast>:<person>    the prepared draft's preview, to the person who sends it
//   rec:<case>:<person>:<step>  the case card after a recurrence step (IT管理者, 統括, the officer)
import type { Citations } from '../domain/articles';
import {
  DEFAULT_REMIND_MINUTES,
  officerSections,
  purposeCitation,
  type Audience,
  type BroadcastSeverity,
} from '../domain/broadcast';
import {
  CASE_BROADCAST_ARTICLE,
  isCaseOfficer,
  linkRequirement,
  mayStartCaseBroadcast,
  otherSections,
  recurrenceStepAllowed,
  type BroadcastLinks,
  type CaseBroadcastDeny,
  type CaseBroadcastPurpose,
  type LinkDeny,
  type LinkedCase,
  type Recurrence,
  type RecurrenceDeny,
  type RecurrenceStep,
} from '../domain/case-broadcasts';
import { caseTitle } from '../domain/cases';
import type { Clock } from '../domain/clock';
import type { Directory } from '../domain/directory';
import { itAdmins } from '../domain/routing';
import { msg, t } from '../i18n';
import { AuditRepo } from '../storage/audit-repo';
import { BroadcastRepo, type BroadcastContent, type BroadcastRecord } from '../storage/broadcast-repo';
import { CaseRepo, type CaseRecord } from '../storage/case-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import { OutboxRepo, PRIORITY } from '../storage/outbox-repo';
import { RecurrenceRepo } from '../storage/recurrence-repo';
import type { Database, SqlClient } from '../storage/sql';
import { caseStateOf } from './case-state';

type AuditArticle = Parameters<AuditRepo['append']>[0]['article'];

async function audit(
  tx: SqlClient,
  e: { at: string; actor: string; event: string; subject: string; data: Record<string, unknown> },
  article: AuditArticle,
): Promise<void> {
  await new AuditRepo(tx).append({ ...e, ...(article ? { article } : {}) });
}

function linkedCase(c: CaseRecord): LinkedCase {
  const s = caseStateOf(c);
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    sectionCode: c.sectionCode,
    reportedToChief: s.reportedToChief,
  };
}

/** The prefilled text is the bot's own words around ids and titles: no classified detail of the case. */
const PREFILL_LOCALE = 'ja';

async function queuePreview(tx: SqlClient, b: BroadcastRecord, personAad: string, at: string): Promise<void> {
  await new OutboxRepo(tx).enqueue({
    dedupeKey: `bcp:${b.id}:${b.createdBy}`,
    toAad: personAad,
    priority: b.severity === 'emergency' ? PRIORITY.emergency : PRIORITY.high,
    message: { type: 'broadcast.prepared', broadcastId: b.id, personId: b.createdBy },
    broadcastId: b.id,
    at,
  });
}

async function insertPrepared(
  tx: SqlClient,
  clock: Clock,
  createdBy: string,
  content: BroadcastContent,
  at: string,
): Promise<BroadcastRecord> {
  const repo = new BroadcastRepo(tx);
  const id = await repo.nextId(clock.now().getUTCFullYear());
  await repo.insertDraft(id, createdBy, content, at);
  return (await repo.get(id)) as BroadcastRecord;
}

function remindFor(severity: BroadcastSeverity): number | null {
  return DEFAULT_REMIND_MINUTES[severity];
}

// ---------------------------------------------------------------------------------------------
// 12(4)⑤ / 12(5)②エ: 統括 → IT管理者 → officers / all staff

export type CaseBroadcastRefusal = CaseBroadcastDeny | 'not_found';

export type PrepareResult =
  | { ok: true; broadcast: BroadcastRecord; itAdminId: string; itAdminName: string; created: boolean }
  | { ok: false; reason: CaseBroadcastRefusal };

/**
 * 統括 clicks 「他の課情報セキュリティ責任者へ周知」 (12(4)⑤) or 「全職員へ周知」 (12(5)②エ) on a case: a
 * draft linked to the case (case_id), prefilled with the case id and its kind's title only, owned by
 * IT管理者 — who gets its preview with 送信 — on 統括's instruction. Once per case and purpose: a
 * second click finds the one prepared (and sends nothing again).
 */
export async function prepareCaseBroadcast(
  db: Database,
  clock: Clock,
  req: { actorId: string; caseId: string; purpose: CaseBroadcastPurpose },
): Promise<PrepareResult> {
  const at = clock.now().toISOString();
  const article = CASE_BROADCAST_ARTICLE[req.purpose];
  return db.transaction(async (tx) => {
    const dir = await new DirectoryRepo(tx).load();
    const c = await new CaseRepo(tx).get(req.caseId);
    const deny = async (reason: CaseBroadcastRefusal): Promise<PrepareResult> => {
      await audit(
        tx,
        {
          at,
          actor: req.actorId,
          event: 'case.broadcast_denied',
          subject: req.caseId,
          data: { reason, purpose: req.purpose },
        },
        article,
      );
      return { ok: false, reason };
    };
    if (!c) return deny('not_found');
    const decision = mayStartCaseBroadcast(dir, req.actorId, linkedCase(c), req.purpose);
    if (!decision.ok) return deny(decision.reason);
    const repo = new BroadcastRepo(tx);
    const existing = (await repo.byCase(c.id)).find(
      (b) => b.purpose === req.purpose && b.status !== 'discarded',
    );
    const nameOf = (id: string) => dir.people.find((p) => p.id === id)?.name ?? id;
    if (existing)
      return {
        ok: true,
        broadcast: existing,
        itAdminId: existing.createdBy,
        itAdminName: nameOf(existing.createdBy),
        created: false,
      };

    const title = t(PREFILL_LOCALE, caseTitle(c.kind));
    const officers = req.purpose === 'officer_alert';
    const severity: BroadcastSeverity = officers ? 'important' : 'emergency';
    const audience: Audience = officers
      ? {
          kind: 'sections',
          sectionCodes: otherSections(dir, c.sectionCode),
          includeSubsections: false,
          officersOnly: true,
        }
      : { kind: 'everyone', officersOnly: false };
    const b = await insertPrepared(
      tx,
      clock,
      decision.itAdminId,
      {
        purpose: req.purpose,
        mode: 'real',
        severity,
        title: t(PREFILL_LOCALE, officers ? 'casebc.prefill.officerTitle' : 'casebc.prefill.cyberTitle', {
          title,
        }),
        body: t(PREFILL_LOCALE, officers ? 'casebc.prefill.officerBody' : 'casebc.prefill.cyberBody', {
          caseId: c.id,
          title,
        }),
        audience,
        answer: { kind: 'ack' },
        instructedBy: req.actorId,
        remindAfterMinutes: remindFor(severity),
        caseId: c.id,
      },
      at,
    );
    const admin = dir.people.find((p) => p.id === decision.itAdminId);
    if (admin) await queuePreview(tx, b, admin.aadObjectId, at);
    const data = {
      broadcastId: b.id,
      purpose: req.purpose,
      itAdmin: decision.itAdminId,
      summary: msg('casebc.history.prepared', { id: b.id }),
    };
    await audit(
      tx,
      { at, actor: req.actorId, event: 'case.broadcast_prepared', subject: c.id, data },
      article,
    );
    await audit(
      tx,
      {
        at,
        actor: req.actorId,
        event: 'broadcast.case_prepared',
        subject: b.id,
        data: { caseId: c.id, purpose: req.purpose, itAdmin: decision.itAdminId },
      },
      article,
    );
    return {
      ok: true,
      broadcast: b,
      itAdminId: decision.itAdminId,
      itAdminName: nameOf(decision.itAdminId),
      created: true,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// 12(5)③ recurrence prevention

export type RecurrenceRefusal = RecurrenceDeny | 'not_found' | 'stale' | 'invalid';

export type RecurrenceResult =
  | { ok: true; recurrence: Recurrence; broadcast?: BroadcastRecord }
  | { ok: false; reason: RecurrenceRefusal };

export const RECURRENCE_TEXT_MAX = 2000;

async function queueCaseCard(
  tx: SqlClient,
  c: CaseRecord,
  personId: string,
  dir: Directory,
  step: string,
  at: string,
) {
  const p = dir.people.find((x) => x.id === personId);
  if (!p) return;
  await new OutboxRepo(tx).enqueue({
    dedupeKey: `rec:${c.id}:${personId}:${step}`,
    toAad: p.aadObjectId,
    priority: PRIORITY.normal,
    message: { type: 'case.routed', caseId: c.id, personId, role: 'recurrence' },
    caseId: c.id,
    at,
  });
}

/**
 * One step of 12(5)③ on a closed failure or breach. 'record': the case's section officer writes
 * the analysis (原因・リスク) and the measures; every IT管理者 gets the case card to confirm the 協議
 * (they are added to the case's recipients: they need to see it). 'agree': an IT管理者 confirms the
 * measures were agreed; the report goes to 統括 (the case card to every 統括) and the officer is told.
 * 'notify': the officer's broadcast to their own section, linked to the case, prefilled with the
 * measures they wrote, returned for their preview. Refusals audited (`case.recurrence_denied`).
 */
export async function recurrenceStep(
  db: Database,
  clock: Clock,
  req: { actorId: string; caseId: string; step: RecurrenceStep; analysis?: string; measures?: string },
): Promise<RecurrenceResult> {
  const at = clock.now().toISOString();
  return db.transaction(async (tx) => {
    const dir = await new DirectoryRepo(tx).load();
    const cases = new CaseRepo(tx);
    const c = await cases.get(req.caseId);
    const recRepo = new RecurrenceRepo(tx);
    const deny = async (reason: RecurrenceRefusal): Promise<RecurrenceResult> => {
      await audit(
        tx,
        {
          at,
          actor: req.actorId,
          event: 'case.recurrence_denied',
          subject: req.caseId,
          data: { reason, step: req.step },
        },
        '12(5)③',
      );
      return { ok: false, reason };
    };
    if (!c) return deny('not_found');
    const current = await recRepo.get(c.id);
    const allowed = recurrenceStepAllowed(dir, req.actorId, linkedCase(c), current, req.step);
    if (!allowed.ok) return deny(allowed.reason);
    const event = (name: string, data: Record<string, unknown>) =>
      audit(tx, { at, actor: req.actorId, event: name, subject: c.id, data }, '12(5)③');

    if (req.step === 'record') {
      const analysis = (req.analysis ?? '').trim();
      const measures = (req.measures ?? '').trim();
      if (
        !analysis ||
        !measures ||
        analysis.length > RECURRENCE_TEXT_MAX ||
        measures.length > RECURRENCE_TEXT_MAX
      )
        return deny('invalid');
      await recRepo.record(c.id, analysis, measures, req.actorId, at);
      for (const id of itAdmins(dir).filter((x) => x !== req.actorId)) {
        await cases.addRecipient({
          caseId: c.id,
          personId: id,
          role: 'it_admin',
          reasons: [{ text: msg('casebc.recurrence.reasonItAdmin'), article: '12(5)③' }],
        });
        await queueCaseCard(tx, c, id, dir, `recorded:${at}`, at);
      }
      await event('case.recurrence_recorded', { summary: msg('casebc.history.recorded') });
      return { ok: true, recurrence: (await recRepo.get(c.id)) as Recurrence };
    }

    const r = current as Recurrence;
    if (req.step === 'agree') {
      if (!(await recRepo.agree(c.id, r.version, req.actorId, at))) return deny('stale');
      await event('case.recurrence_agreed', { summary: msg('casebc.history.agreed') });
      // その内容を統括情報セキュリティ責任者に報告する: every 統括 gets the case with the measures.
      for (const chief of dir.people.filter((p) => p.isChiefOfficer && p.id !== r.recordedBy)) {
        await queueCaseCard(tx, c, chief.id, dir, 'reported', at);
      }
      await event('case.recurrence_reported', { summary: msg('casebc.history.reported') });
      await queueCaseCard(tx, c, r.recordedBy, dir, 'agreed', at);
      return { ok: true, recurrence: (await recRepo.get(c.id)) as Recurrence };
    }

    // 'notify': one draft per case and officer; a second click finds it.
    const repo = new BroadcastRepo(tx);
    const existing = (await repo.byCase(c.id)).find(
      (b) => b.purpose === 'recurrence' && b.createdBy === req.actorId && b.status !== 'discarded',
    );
    if (existing) return { ok: true, recurrence: r, broadcast: existing };
    const title = t(PREFILL_LOCALE, caseTitle(c.kind));
    const b = await insertPrepared(
      tx,
      clock,
      req.actorId,
      {
        purpose: 'recurrence',
        mode: 'real',
        severity: 'important',
        title: t(PREFILL_LOCALE, 'casebc.prefill.recurrenceTitle', { title }),
        body: t(PREFILL_LOCALE, 'casebc.prefill.recurrenceBody', {
          caseId: c.id,
          title,
          measures: r.measures,
        }),
        audience: {
          kind: 'sections',
          sectionCodes: [c.sectionCode],
          includeSubsections: false,
          officersOnly: false,
        },
        answer: { kind: 'ack' },
        instructedBy: null,
        remindAfterMinutes: remindFor('important'),
        caseId: c.id,
      },
      at,
    );
    await event('case.recurrence_notice_prepared', {
      broadcastId: b.id,
      summary: msg('casebc.history.prepared', { id: b.id }),
    });
    return { ok: true, recurrence: r, broadcast: b };
  });
}

export async function recurrenceOf(db: SqlClient, caseId: string): Promise<Recurrence | undefined> {
  return new RecurrenceRepo(db).get(caseId);
}

// ---------------------------------------------------------------------------------------------
// 14(5) → 14(6): the relay of a revised standard

/**
 * After a section officer acknowledged a 14(5) broadcast: their own relay to their staff (14(6)),
 * chained to it (parent_id), prefilled with its title and text, acknowledgement asked, and its
 * preview queued to them. Once per parent and officer. Called inside the answer's transaction.
 */
export async function prepareRelay(
  tx: SqlClient,
  clock: Clock,
  parent: BroadcastRecord,
  officerId: string,
  at: string,
): Promise<BroadcastRecord | null> {
  if (parent.purpose !== 'revision_officers' || parent.status !== 'sent') return null;
  const dir = await new DirectoryRepo(tx).load();
  const sections = officerSections(dir, officerId);
  const officer = dir.people.find((p) => p.id === officerId);
  if (sections.length === 0 || !officer) return null;
  const repo = new BroadcastRepo(tx);
  const existing = (await repo.children(parent.id)).find(
    (b) => b.createdBy === officerId && b.status !== 'discarded',
  );
  if (existing) return null;
  const b = await insertPrepared(
    tx,
    clock,
    officerId,
    {
      purpose: 'revision_staff',
      mode: parent.mode,
      severity: parent.severity,
      title: parent.title,
      body: t(PREFILL_LOCALE, 'casebc.prefill.relayBody', { body: parent.body, parentId: parent.id }),
      audience: { kind: 'sections', sectionCodes: sections, includeSubsections: false, officersOnly: false },
      answer: { kind: 'ack' },
      instructedBy: null,
      remindAfterMinutes: parent.remindAfterMinutes,
      caseId: null,
      parentId: parent.id,
    },
    at,
  );
  await queuePreview(tx, b, officer.aadObjectId, at);
  await audit(
    tx,
    {
      at,
      actor: officerId,
      event: 'broadcast.relay_prepared',
      subject: b.id,
      data: { parentId: parent.id, sections },
    },
    '14(6)',
  );
  return b;
}

// ---------------------------------------------------------------------------------------------
// The link an officer's own-section broadcast must carry (checked on preview and on send)

/**
 * For a 14(6) or 12(5)③ broadcast: the parent it relays or the case it follows, loaded and checked
 * (domain linkRequirement). Other purposes pass.
 */
export async function checkBroadcastLinks(
  tx: SqlClient,
  dir: Directory,
  b: BroadcastRecord,
  senderId: string,
): Promise<{ ok: true } | { ok: false; reason: LinkDeny }> {
  if (b.purpose !== 'revision_staff' && b.purpose !== 'recurrence') return { ok: true };
  const repo = new BroadcastRepo(tx);
  const parent = b.parentId ? await repo.get(b.parentId) : undefined;
  const c = b.caseId ? await new CaseRepo(tx).get(b.caseId) : undefined;
  const rec = c ? await new RecurrenceRepo(tx).get(c.id) : undefined;
  const links: BroadcastLinks = {
    parent: parent
      ? {
          purpose: parent.purpose,
          status: parent.status,
          senderReceived: (await repo.recipient(parent.id, senderId)) !== undefined,
        }
      : null,
    case: c ? { ...linkedCase(c), recurrenceAgreed: Boolean(rec?.agreedAt) } : null,
  };
  return linkRequirement(b.purpose, links, c ? isCaseOfficer(dir, senderId, c) : false);
}

// ---------------------------------------------------------------------------------------------
// What the case card and 統括's relay view show

export interface LinkedBroadcastView {
  id: string;
  purpose: BroadcastRecord['purpose'];
  status: BroadcastRecord['status'];
  article: Citations;
  targeted: number;
  answered: number;
}

/** The broadcasts about a case (discarded drafts left out), with their answer counts. */
export async function caseBroadcasts(db: SqlClient, caseId: string): Promise<LinkedBroadcastView[]> {
  const repo = new BroadcastRepo(db);
  const out: LinkedBroadcastView[] = [];
  for (const b of await repo.byCase(caseId)) {
    if (b.status === 'discarded') continue;
    const rows = await repo.recipientStatuses(b.id);
    out.push({
      id: b.id,
      purpose: b.purpose,
      status: b.status,
      article: purposeCitation(b.purpose),
      targeted: rows.length,
      answered: rows.filter((r) => r.firstAnsweredAt !== null).length,
    });
  }
  return out;
}

export interface RelayRow {
  sectionCode: string;
  sectionName: string;
  officerId: string;
  officerName: string;
  /** The officer acknowledged the 14(5) broadcast. */
  acknowledged: boolean;
  /** Their 14(6) relay: its id and status, and the staff's answers. */
  relay: { id: string; status: string; targeted: number; answered: number } | null;
}

export type RelayRefusal = 'not_found' | 'not_chief' | 'not_revision';

/**
 * 統括's view of a 14(5) broadcast: per officer (by section), whether they acknowledged, whether
 * they relayed it to their staff (14(6)) and their staff's acknowledgement. 統括 and IT管理者 only;
 * refusals audited (`broadcast.results_denied`).
 */
export async function relayStatus(
  db: Database,
  clock: Clock,
  req: { actorId: string; broadcastId: string },
): Promise<{ ok: true; broadcast: BroadcastRecord; rows: RelayRow[] } | { ok: false; reason: RelayRefusal }> {
  const at = clock.now().toISOString();
  return db.transaction(async (tx) => {
    const dir = await new DirectoryRepo(tx).load();
    const repo = new BroadcastRepo(tx);
    const b = await repo.get(req.broadcastId);
    const actor = dir.people.find((p) => p.id === req.actorId);
    const deny = async (reason: RelayRefusal) => {
      await audit(
        tx,
        {
          at,
          actor: req.actorId,
          event: 'broadcast.results_denied',
          subject: req.broadcastId,
          data: { reason, view: 'relay' },
        },
        '14(6)',
      );
      return { ok: false as const, reason };
    };
    if (!b || b.status === 'draft' || b.status === 'discarded') return deny('not_found');
    if (!actor || (!actor.isChiefOfficer && !actor.isItAdmin)) return deny('not_chief');
    if (b.purpose !== 'revision_officers') return deny('not_revision');
    const recipients = await repo.recipientStatuses(b.id);
    const children = (await repo.children(b.id)).filter((x) => x.status !== 'discarded');
    const rows: RelayRow[] = [];
    for (const s of dir.sections) {
      if (!s.officerId) continue;
      const r = recipients.find((x) => x.personId === s.officerId);
      if (!r) continue;
      const officer = dir.people.find((p) => p.id === s.officerId);
      const child = children.find((x) => x.createdBy === s.officerId);
      let relay: RelayRow['relay'] = null;
      if (child) {
        const staff = (await repo.recipientStatuses(child.id)).filter((x) => x.sectionCode === s.code);
        relay = {
          id: child.id,
          status: child.status,
          targeted: staff.length,
          answered: staff.filter((x) => x.firstAnsweredAt !== null).length,
        };
      }
      rows.push({
        sectionCode: s.code,
        sectionName: s.name,
        officerId: s.officerId,
        officerName: officer?.name ?? s.officerId,
        acknowledged: r.firstAnsweredAt !== null,
        relay,
      });
    }
    return { ok: true as const, broadcast: b, rows };
  });
}
