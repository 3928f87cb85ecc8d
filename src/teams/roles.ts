import type { Localized } from '../domain/cases';
import { msg } from '../i18n';

/** How a recipient's capacity is shown on cards. Keys are routing roles (domain/routing.ts). */
export const ROLE_LABELS: Readonly<Record<string, Localized>> = {
  section_officer: msg('role.section_security_officer'),
  deputy: msg('role.deputy'),
  superior: msg('role.superior'),
  parent_officer: msg('role.officer_parent_section'),
  chief_officer: msg('role.chief_security_officer'),
  it_admin: msg('role.administrator'),
  affected_officer: msg('role.officer_affected_section'),
  role_holder: msg('role.role_holder_contact_directory'),
};

/** 'chief_officer,it_admin' → 統括情報セキュリティ責任者・IT管理者. */
export function roleLabel(roles: string): Localized {
  const parts = roles
    .split(',')
    .filter((r) => r !== '')
    .map((r) => ROLE_LABELS[r] ?? msg('stored.raw', { text: r }));
  const [first = msg('stored.raw', { text: '' }), ...rest] = parts;
  return rest.reduce<Localized>((a, b) => msg('role.and', { a, b }), first);
}
