// Who may file the network permissions of 9(3)③ and 11(2)③ and the IC card renewal record of
// 10(9)③, and what the IT管理者's consultation of
// 11(2)② records. Pure: decided from the directory alone.
import { OPERATING_RULE, type ArticleId, type Citation } from '../articles';
import type { CaseKind, Localized } from '../cases';
import type { Directory } from '../directory';
import { msg } from '../../i18n';

/**
 * Why a person may not file: `text` rests on `article`. `rests` is what the standard itself says of
 * the request, cited apart when the refusal is the organisation's reading (運用ルール).
 */
export type FilerRefusal = {
  text: Localized;
  article: Citation;
  rests?: { text: Localized; article: ArticleId };
};

function isSectionOfficer(dir: Directory, personId: string): boolean {
  return dir.sections.some((s) => s.officerId === personId);
}

function isItAdmin(dir: Directory, personId: string): boolean {
  return dir.people.some((p) => p.id === personId && p.isItAdmin);
}

/**
 * Why `personId` may not file a request of `kind`, or null when they may (deny by default for these
 * two kinds):
 * - 9(3)③ says only that the wireless network is built with 統括's permission; that a section
 *   officer or an IT管理者 (who build networks) asks for it is the organisation's reading (運用ルール);
 * - 11(2)②③ are the section officer's duties for the systems their section runs.
 * Every other kind may be filed by anyone in the directory.
 */
export function filerRefusal(kind: CaseKind, dir: Directory, personId: string): FilerRefusal | null {
  if (kind === 'wireless_lan') {
    if (isSectionOfficer(dir, personId) || isItAdmin(dir, personId)) return null;
    return {
      text: msg('permissions.wireless.filer_refused'),
      article: OPERATING_RULE,
      rests: { text: msg('permissions.wireless.chief_permits'), article: '9(3)③' },
    };
  }
  // 10(9)③: the section officer collects and destroys the old card and records it.
  if (kind === 'ic_card_renewal') {
    if (isSectionOfficer(dir, personId)) return null;
    return { text: msg('permissions.renewal.filer_refused'), article: '10(9)③' };
  }
  if (kind === 'external_connection') {
    const person = dir.people.find((p) => p.id === personId);
    const own = dir.sections.find((s) => s.code === person?.sectionCode);
    if (own && own.officerId === personId) return null;
    return { text: msg('permissions.external.filer_refused'), article: '11(2)③' };
  }
  return null;
}

/** What the IT管理者 records on the card when consulted (11(2)②): each is required. */
export interface ConsultRecord {
  id: string;
  label: Localized;
  article: ArticleId;
}

export const CONSULT_RECORDS: readonly ConsultRecord[] = [
  { id: 'consult_configuration', label: msg('permissions.consult.configuration'), article: '11(2)②' },
  { id: 'consult_security_level', label: msg('permissions.consult.security_level'), article: '11(2)②' },
  { id: 'consult_risks', label: msg('permissions.consult.risks'), article: '11(2)②' },
  { id: 'consult_measures', label: msg('permissions.consult.measures'), article: '11(2)②' },
];

/** The kinds only role holders file (filerRefusal): staff neither see them on the menu nor file them. */
export const ROLE_FILED_KINDS = ['wireless_lan', 'external_connection', 'ic_card_renewal'] as const;

export function isRoleFiledKind(kind: CaseKind): boolean {
  return (ROLE_FILED_KINDS as readonly string[]).includes(kind);
}

/** The kinds whose decision is 統括's alone (9(3)③ 許可, 11(2)③ 承認). */
export const CHIEF_DECIDED_REQUESTS = ['wireless_lan', 'external_connection'] as const;

export function isChiefDecidedRequest(kind: CaseKind): boolean {
  return (CHIEF_DECIDED_REQUESTS as readonly string[]).includes(kind);
}
