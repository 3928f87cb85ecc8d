// The contract cards (12(1)③): 「委託契約」 (the section's contracts, 契約を登録, 作業終了) and the
// registration form. What officers typed goes into TextRuns, never into Markdown.
import { formatJst } from '../../domain/clock';
import { CONTRACT_ARTICLE, contractFormFields } from '../../domain/contracts';
import { FORM_ERROR_KEY } from '../../domain/flows/form';
import type { ContractFormView, ContractOverview } from '../../services/contract-service';
import type { Contract } from '../../storage/contract-repo';
import { basis } from '../citation';
import { t, type Locale, type Msg } from '../i18n';
import { fieldData } from './media';
import { renderCard, type AdaptiveCardJson } from './registry';

export function buildContractFormCard(locale: Locale, v: ContractFormView): AdaptiveCardJson {
  const fields = contractFormFields(v.sections);
  const ids = new Set(fields.map((f) => f.id));
  const formError = Object.entries(v.errors)
    .filter(([key]) => key === FORM_ERROR_KEY || !ids.has(key))
    .map(([, m]) => t(locale, m))
    .join('\n\n');
  return renderCard('contract-form', {
    title: t(locale, 'contract.form.title'),
    basis: basis(locale, CONTRACT_ARTICLE),
    formError,
    draftNote: v.draftSavedAt ? t(locale, 'form.draftNote', { savedAt: formatJst(v.draftSavedAt) }) : '',
    intro: t(locale, 'contract.form.intro'),
    timeLabel: t(locale, 'form.timeLabel'),
    timeRequiredMessage: t(locale, 'form.timeRequiredMessage'),
    fields: fields.map((f) => fieldData(locale, f, v.answers, v.errors)),
    submitLabel: t(locale, 'contract.submit'),
    discardLabel: t(locale, 'form.discard'),
    backLabel: t(locale, 'contract.back'),
  });
}

function item(locale: Locale, c: Contract, sectionName: string, mayEnd: boolean) {
  const flat = (s: string) => s.replace(/\s*\n\s*/g, ', ');
  return {
    id: c.id,
    summary: t(locale, 'contract.list.item', {
      id: c.id,
      contractor: c.contractor,
      section: sectionName,
      endDate: c.endDate.replace(/-/g, '/'),
    }),
    detail: t(locale, 'contract.list.detail', {
      work: flat(c.work),
      systems: flat(c.systems),
      workerIds: flat(c.workerIds),
    }),
    status:
      c.status === 'active'
        ? t(locale, 'contract.status.active')
        : t(locale, 'contract.status.ended', { dutyId: c.dutyId ?? '—' }),
    mayEnd: mayEnd && c.status === 'active',
  };
}

export function buildContractListCard(locale: Locale, o: ContractOverview, lead?: Msg): AdaptiveCardJson {
  const names = new Map(o.sections.map((s) => [s.code, s.name]));
  return renderCard('contract-list', {
    title: t(locale, 'contract.list.title'),
    lead: lead ? t(locale, lead) : '',
    intro: t(locale, 'contract.list.intro'),
    sectionsLine: t(locale, 'contract.list.sections', {
      sections: o.sections.map((s) => s.name).join(t(locale, 'value.listSeparator')),
    }),
    basis: basis(locale, CONTRACT_ARTICLE),
    mayRegister: o.manages.length > 0,
    registerLabel: t(locale, 'contract.list.register'),
    emptyText: t(locale, 'contract.list.empty'),
    items: o.contracts.map((c) =>
      item(locale, c, names.get(c.sectionCode) ?? c.sectionCode, o.manages.includes(c.sectionCode)),
    ),
    endLabel: t(locale, 'contract.list.end_now'),
    menuLabel: t(locale, 'form.menu'),
  });
}
