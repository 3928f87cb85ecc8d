// Contracts with contractors (12(1)③; domain/contracts.ts): an officer registers a contract for
// their section; when its work ends the 12(1)③ケ duty — confirm the workers' IDs and passwords were
// removed — is opened for that section. Every use case re-reads the acting person from the directory
// (deny by default), writes its change and its audit event in one transaction, and audits refusals.
import type { Clock } from '../domain/clock';
import {
  CONTRACT_ARTICLE,
  contractDutyDueAt,
  contractFormFields,
  contractHasEnded,
  contractSections,
  DEFAULT_CONTRACT_END_DUE_DAYS,
  validateContract,
  viewableContractSections,
} from '../domain/contracts';
import type { Directory, Person, Section } from '../domain/directory';
import { limitAnswers, type FieldErrors } from '../domain/flows/form';
import { jstDateOf } from '../domain/policy/jst';
import { msg, type Msg } from '../i18n';
import { AuditRepo } from '../storage/audit-repo';
import { ContractRepo, type Contract } from '../storage/contract-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import type { DutyInstance } from '../storage/duty-repo';
import type { Database, SqlClient } from '../storage/sql';
import { openDuty } from './duty-service';
import { PeriodicTask } from './periodic';

export type ContractRefusal = 'not_found' | 'not_allowed' | 'already_ended';
export interface ContractRefused {
  ok: false;
  reason: ContractRefusal;
  message: Msg;
}

const REFUSALS: Readonly<Record<ContractRefusal, Msg>> = {
  not_found: msg('contract.denied.not_found'),
  not_allowed: msg('contract.denied.not_allowed'),
  already_ended: msg('contract.denied.already_ended'),
};

async function refuse(
  sql: SqlClient,
  at: string,
  input: { actor: string; subject: string; action: string; reason: ContractRefusal },
): Promise<ContractRefused> {
  await new AuditRepo(sql).append({
    at,
    actor: input.actor,
    event: 'contract.action_denied',
    subject: input.subject,
    article: CONTRACT_ARTICLE,
    data: { action: input.action, reason: input.reason },
  });
  // Not theirs and no such contract read the same: walking ids tells nothing.
  const key = input.reason === 'already_ended' ? 'already_ended' : 'not_allowed';
  return { ok: false, reason: input.reason, message: REFUSALS[key] };
}

interface Actor {
  person: Person;
  dir: Directory;
}

/** The acting person from the directory in force, or the audit name of a stranger. */
async function actorOf(sql: SqlClient, aadObjectId: string): Promise<Actor | { stranger: string }> {
  const repo = new DirectoryRepo(sql);
  const person = await repo.personByAadObjectId(aadObjectId);
  if (!person) return { stranger: `aad:${aadObjectId.toLowerCase()}` };
  return { person, dir: await repo.load() };
}

// --- The list -----------------------------------------------------------------------------------

export interface ContractOverview {
  /** Sections the viewer sees contracts of (their own; every section for 統括). */
  sections: Section[];
  /** Sections the viewer registers and ends contracts for (officer, deputy). */
  manages: string[];
  contracts: Contract[];
}

/** 「委託契約」: the contracts the person may see; everyone else is refused (audited). */
export async function contractOverview(
  db: Database,
  clock: Clock,
  actorAadObjectId: string,
): Promise<{ ok: true; view: ContractOverview } | ContractRefused> {
  return db.transaction(async (tx) => {
    const at = clock.now().toISOString();
    const a = await actorOf(tx, actorAadObjectId);
    if ('stranger' in a)
      return refuse(tx, at, {
        actor: a.stranger,
        subject: 'contracts',
        action: 'view',
        reason: 'not_allowed',
      });
    const sections = viewableContractSections(a.dir, a.person.id);
    if (sections.length === 0)
      return refuse(tx, at, {
        actor: a.person.id,
        subject: 'contracts',
        action: 'view',
        reason: 'not_allowed',
      });
    return {
      ok: true,
      view: {
        sections,
        manages: contractSections(a.dir, a.person.id).map((s) => s.code),
        contracts: await new ContractRepo(tx).listBySections(sections.map((s) => s.code)),
      },
    };
  });
}

// --- Registering ----------------------------------------------------------------------------------

export interface ContractFormView {
  sections: Section[];
  answers: Record<string, string>;
  errors: Record<string, Msg>;
  draftSavedAt?: Date;
}

async function checkManager(
  tx: SqlClient,
  at: string,
  actorAadObjectId: string,
  action: string,
): Promise<{ ok: true; a: Actor; sections: Section[] } | ContractRefused> {
  const a = await actorOf(tx, actorAadObjectId);
  if ('stranger' in a)
    return refuse(tx, at, { actor: a.stranger, subject: 'contracts', action, reason: 'not_allowed' });
  const sections = contractSections(a.dir, a.person.id);
  if (sections.length === 0)
    return refuse(tx, at, { actor: a.person.id, subject: 'contracts', action, reason: 'not_allowed' });
  return { ok: true, a, sections };
}

/** The form as the officer left it (their draft), or a new one with their only section chosen. */
export async function openContractForm(
  db: Database,
  clock: Clock,
  actorAadObjectId: string,
): Promise<{ ok: true; view: ContractFormView } | ContractRefused> {
  return db.transaction(async (tx) => {
    const c = await checkManager(tx, clock.now().toISOString(), actorAadObjectId, 'open');
    if (!c.ok) return c;
    const draft = await new ContractRepo(tx).getDraft(c.a.person.id);
    const only = c.sections.length === 1 ? c.sections[0] : undefined;
    return {
      ok: true,
      view: {
        sections: c.sections,
        answers: draft?.answers ?? (only ? { sectionCode: only.code } : {}),
        errors: draft?.errors ?? {},
        ...(draft ? { draftSavedAt: new Date(draft.updatedAt) } : {}),
      },
    };
  });
}

export type SubmitContractResult =
  | { ok: true; contract: Contract }
  | { ok: false; reason: 'invalid'; view: ContractFormView }
  | ContractRefused;

/**
 * 登録する: validates; with errors the draft keeps what was typed (and the errors) and nothing is
 * registered; else the contract is stored, the draft removed and `contract.registered` audited.
 */
export async function submitContractForm(
  db: Database,
  clock: Clock,
  input: { actorAadObjectId: string; answers: Record<string, string> },
): Promise<SubmitContractResult> {
  const now = clock.now();
  const at = now.toISOString();
  return db.transaction(async (tx): Promise<SubmitContractResult> => {
    const c = await checkManager(tx, at, input.actorAadObjectId, 'submit');
    if (!c.ok) return c;
    const { person } = c.a;
    const repo = new ContractRepo(tx);
    const audit = new AuditRepo(tx);
    const v = validateContract(input.answers, { now, sections: c.sections.map((s) => s.code) });
    if (!v.ok) {
      const answers = limitAnswers(contractFormFields(c.sections), input.answers);
      const errors: FieldErrors = v.errors;
      await repo.saveDraft({ personId: person.id, answers, errors, updatedAt: at });
      // What was typed stays out of the audit trail until it is registered.
      await audit.append({
        at,
        actor: person.id,
        event: 'contract.draft_saved',
        subject: person.id,
        article: CONTRACT_ARTICLE,
        data: { errorFields: Object.keys(errors) },
      });
      return {
        ok: false,
        reason: 'invalid',
        view: { sections: c.sections, answers, errors, draftSavedAt: now },
      };
    }
    const id = await repo.nextId(Number(jstDateOf(now).slice(0, 4)));
    const { sectionCode, contractor, work, systems, endDate, workerIds } = v.value;
    await repo.insert({
      id,
      sectionCode,
      contractor,
      work,
      systems,
      endDate,
      workerIds,
      registeredBy: person.id,
      registeredAt: at,
    });
    await repo.deleteDraft(person.id);
    await audit.append({
      at,
      actor: person.id,
      event: 'contract.registered',
      subject: id,
      article: CONTRACT_ARTICLE,
      data: { sectionCode, endDate },
    });
    return { ok: true, contract: (await repo.get(id)) as Contract };
  });
}

/** 下書きを破棄: true when there was a draft. Only for someone who may register (else refused). */
export async function discardContractDraft(
  db: Database,
  clock: Clock,
  actorAadObjectId: string,
): Promise<{ ok: true; discarded: boolean } | ContractRefused> {
  return db.transaction(async (tx) => {
    const at = clock.now().toISOString();
    const c = await checkManager(tx, at, actorAadObjectId, 'discard');
    if (!c.ok) return c;
    const discarded = await new ContractRepo(tx).deleteDraft(c.a.person.id);
    if (discarded)
      await new AuditRepo(tx).append({
        at,
        actor: c.a.person.id,
        event: 'contract.draft_discarded',
        subject: c.a.person.id,
        article: CONTRACT_ARTICLE,
      });
    return { ok: true, discarded };
  });
}

// --- The work ends ------------------------------------------------------------------------------

/** Marks the contract ended and opens its 12(1)③ケ duty for the section, in the caller's transaction. */
async function endContract(
  tx: SqlClient,
  c: Contract,
  now: Date,
  actor: string,
  dueDays: number,
  endDate: string = c.endDate,
): Promise<DutyInstance | undefined> {
  const duty = await openDuty(
    tx,
    {
      kind: 'contractor_id_removal',
      sectionCode: c.sectionCode,
      periodKey: endDate,
      subjectKey: c.id,
      subject: {
        contractId: c.id,
        contractor: c.contractor,
        work: c.work,
        systems: c.systems,
        endDate,
        workerIds: c.workerIds,
      },
      dueAt: contractDutyDueAt(now, dueDays),
      source: { kind: 'contract', contractId: c.id },
    },
    now,
    actor,
  );
  const at = now.toISOString();
  if (!(await new ContractRepo(tx).markEnded(c.id, c.version, at, duty?.id ?? null, endDate)))
    throw new Error(`contract ${c.id} changed while it was being ended`);
  await new AuditRepo(tx).append({
    at,
    actor,
    event: 'contract.ended',
    subject: c.id,
    article: CONTRACT_ARTICLE,
    data: { sectionCode: c.sectionCode, endDate, dutyId: duty?.id ?? null },
  });
  return duty;
}

/**
 * The daily sweep: every active contract whose end date is over is marked ended and its duty opened,
 * each in its own transaction. State, not a timer, drives it: a sweep after downtime catches up on
 * everything that ended meanwhile, and a second sweep finds nothing more.
 */
export async function sweepEndedContracts(
  db: Database,
  clock: Clock,
  opts: { dueDays?: number } = {},
): Promise<DutyInstance[]> {
  const now = clock.now();
  const due = await new ContractRepo(db).listEndedBefore(jstDateOf(now));
  const opened: DutyInstance[] = [];
  for (const listed of due) {
    const duty = await db.transaction(async (tx) => {
      const c = await new ContractRepo(tx).get(listed.id);
      if (!c || c.status !== 'active' || !contractHasEnded(c.endDate, now)) return undefined;
      return endContract(tx, c, now, 'system', opts.dueDays ?? DEFAULT_CONTRACT_END_DUE_DAYS);
    });
    if (duty) opened.push(duty);
  }
  return opened;
}

/**
 * 作業終了: the officer (or deputy) of the contract's section says the work ended today, before its
 * end date — the duty is opened now. Anyone else, or a contract already ended, is refused (audited).
 */
export async function endContractNow(
  db: Database,
  clock: Clock,
  input: { actorAadObjectId: string; contractId: string; dueDays?: number },
): Promise<{ ok: true; contract: Contract; duty: DutyInstance | undefined } | ContractRefused> {
  const now = clock.now();
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const a = await actorOf(tx, input.actorAadObjectId);
    const actor = 'stranger' in a ? a.stranger : a.person.id;
    const base = { actor, subject: input.contractId, action: 'end' };
    const c = await new ContractRepo(tx).get(input.contractId);
    if (!c) return refuse(tx, at, { ...base, reason: 'not_found' });
    if ('stranger' in a || !contractSections(a.dir, a.person.id).some((s) => s.code === c.sectionCode))
      return refuse(tx, at, { ...base, reason: 'not_allowed' });
    if (c.status !== 'active') return refuse(tx, at, { ...base, reason: 'already_ended' });
    const today = jstDateOf(now);
    const endDate = c.endDate < today ? c.endDate : today;
    const duty = await endContract(
      tx,
      c,
      now,
      actor,
      input.dueDays ?? DEFAULT_CONTRACT_END_DUE_DAYS,
      endDate,
    );
    return { ok: true, contract: (await new ContractRepo(tx).get(c.id)) as Contract, duty };
  });
}

/**
 * Sweeps at start-up (catching up on downtime) and then hourly while the bot runs, so a contract
 * that ended overnight has its duty by the morning; each sweep is idempotent.
 */
export class ContractSweeper extends PeriodicTask {
  constructor(
    deps: {
      db: Database;
      clock: Clock;
      dueDays: number;
      onError: (err: Error) => void;
      onOpened?: (duties: DutyInstance[]) => void;
    },
    everyMs = 3_600_000,
  ) {
    super(
      everyMs,
      async () => {
        const opened = await sweepEndedContracts(deps.db, deps.clock, { dueDays: deps.dueDays });
        if (opened.length > 0) deps.onOpened?.(opened);
      },
      deps.onError,
    );
  }
}
