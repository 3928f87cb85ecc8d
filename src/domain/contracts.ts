// Contracts with contractors (外部委託, 対策基準 12(1)③): what an officer registers for their section,
// so that when the work ends the duty of 12(1)③ケ — confirm that the workers' user IDs and passwords
// were removed promptly once no longer needed — is opened for that section. Pure rules: the form,
// its validation, who may register and see, and when a contract counts as ended. No I/O.
import { z } from 'zod';
import type { ArticleId } from './articles';
import type { Localized } from './cases';
import type { Directory, Section } from './directory';
import {
  date,
  defineForm,
  runValidation,
  text,
  textarea,
  type FieldDef,
  type ValidationContext,
  type ValidationResult,
} from './flows/form';
import { addDays, endOfJstDay, jstDateOf, type IsoDate } from './policy/jst';
import { msg } from '../i18n';

/** The article a contract's end serves (the duty it opens). */
export const CONTRACT_ARTICLE: ArticleId = '12(1)③ケ';

/** Days from a contract's end to the due date of its ID-removal duty (運用ルール), unless configured. */
export const DEFAULT_CONTRACT_END_DUE_DAYS = 7;

export const CONTRACT_STATUSES = ['active', 'ended'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

export const CONTRACT_ID_PATTERN = /^CTR-\d{4}-\d{4,}$/;

/** Readable ids: CTR-2026-0001. */
export function formatContractId(year: number, seq: number): string {
  return `CTR-${year}-${String(seq).padStart(4, '0')}`;
}

export const CONTRACT_LABELS = {
  sectionCode: msg('contract.field.section'),
  contractor: msg('contract.field.contractor'),
  work: msg('contract.field.work'),
  systems: msg('contract.field.systems'),
  endDate: msg('contract.field.end_date'),
  workerIds: msg('contract.field.worker_ids'),
} satisfies Record<string, Localized>;
const L = CONTRACT_LABELS;

const contractForm = defineForm({
  contractor: text(true, { label: L.contractor, maxLength: 200 }),
  work: textarea(true, { label: L.work, maxLength: 1000 }),
  systems: textarea(true, { label: L.systems, maxLength: 1000 }),
  endDate: date(true, { label: L.endDate, help: msg('contract.help.end_date') }),
  workerIds: textarea(true, {
    label: L.workerIds,
    maxLength: 2000,
    help: msg('contract.help.worker_ids'),
    article: CONTRACT_ARTICLE,
  }),
});
export const ContractSchema = z.object(contractForm.shape);
export type ContractInput = z.output<typeof ContractSchema>;

/** The form's own fields (without the section choice). */
export const CONTRACT_FIELDS: readonly FieldDef[] = contractForm.fields;

/** The form: the section first (one of the sections the person may register for), then the contract. */
export function contractFormFields(sections: readonly { code: string; name: string }[]): FieldDef[] {
  const section: FieldDef = {
    id: 'sectionCode',
    label: L.sectionCode,
    kind: 'choice',
    required: true,
    choices: sections.map((s) => ({ value: s.code, label: msg('stored.raw', { text: s.name }) })),
  };
  return [section, ...contractForm.fields];
}

/**
 * The contract and its section. The end date may lie in the past (a contract registered late):
 * its duty is then opened by the next sweep.
 */
export function validateContract(
  raw: Record<string, string>,
  ctx: ValidationContext & { sections: readonly string[] },
): ValidationResult<ContractInput & { sectionCode: string }> {
  const r = runValidation(ContractSchema, raw, ctx);
  const sectionCode = (raw.sectionCode ?? '').trim();
  const sectionProblem =
    sectionCode === ''
      ? msg('form.error.choose', { label: L.sectionCode })
      : ctx.sections.includes(sectionCode)
        ? null
        : msg('form.error.badChoice', { label: L.sectionCode });
  if (!r.ok)
    return { ok: false, errors: { ...r.errors, ...(sectionProblem ? { sectionCode: sectionProblem } : {}) } };
  if (sectionProblem) return { ok: false, errors: { sectionCode: sectionProblem } };
  return { ok: true, value: { ...r.value, sectionCode } };
}

// ---------------------------------------------------------------------------------------------
// Who may do what (deny by default)

/**
 * The sections a person registers and manages contracts for: the section officer, whom 12(1)③
 * binds, and the section's 代理者 (運用ルール: the standard names no deputy).
 */
export function contractSections(dir: Directory, personId: string): Section[] {
  return dir.sections.filter((s) => s.officerId === personId || s.deputyId === personId);
}

/** The sections whose contracts a person sees: their own (officer, deputy); 統括 sees every section. */
export function viewableContractSections(dir: Directory, personId: string): Section[] {
  const p = dir.people.find((x) => x.id === personId);
  if (p?.isChiefOfficer) return [...dir.sections];
  return contractSections(dir, personId);
}

// ---------------------------------------------------------------------------------------------
// When the work ends

/** A contract has ended once its end date (JST) is over: from 00:00 JST of the day after. */
export function contractHasEnded(endDate: IsoDate, now: Date): boolean {
  return endDate < jstDateOf(now);
}

/** When the ID-removal duty of a contract that ended falls due: N days after it was opened (運用ルール). */
export function contractDutyDueAt(openedAt: Date, dueDays: number): string {
  return endOfJstDay(addDays(jstDateOf(openedAt), dueDays)).toISOString();
}
