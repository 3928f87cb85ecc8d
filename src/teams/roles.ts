import type { Localized } from '../domain/cases';

/** How a recipient's capacity is shown on cards. Keys are routing roles (domain/routing.ts). */
export const ROLE_LABELS: Readonly<Record<string, Localized>> = {
  section_officer: { ja: '課情報セキュリティ責任者', en: 'Section security officer' },
  deputy: { ja: '代理者', en: 'Deputy' },
  superior: { ja: '上席者', en: 'Superior' },
  parent_officer: { ja: '上位課の課情報セキュリティ責任者', en: 'Officer of the parent section' },
  chief_officer: { ja: '統括情報セキュリティ責任者', en: 'Chief security officer' },
  it_admin: { ja: 'IT管理者', en: 'IT administrator' },
  affected_officer: { ja: '影響を受ける課の課情報セキュリティ責任者', en: 'Officer of an affected section' },
  role_holder: { ja: '緊急連絡網の役割者', en: 'Role holder in the contact directory' },
};

/** 'chief_officer,it_admin' → 統括情報セキュリティ責任者・IT管理者. */
export function roleLabel(roles: string): Localized {
  const parts = roles
    .split(',')
    .filter((r) => r !== '')
    .map((r) => ROLE_LABELS[r] ?? { ja: r, en: r });
  return { ja: parts.map((p) => p.ja).join('・'), en: parts.map((p) => p.en).join(', ') };
}
