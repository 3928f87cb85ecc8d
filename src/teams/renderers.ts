import type { Activity } from 'botbuilder';
import type { Finding } from '../domain/case-evaluation';
import { isIncidentKind, type Localized } from '../domain/cases';
import { FLOWS } from '../domain/flows';
import { incidentPlan } from '../domain/policy/incident';
import { CaseRepo, type CaseRecord } from '../storage/case-repo';
import { DirectoryRepo } from '../storage/directory-repo';
import type { OutboxMessage } from '../storage/outbox-repo';
import type { Database } from '../storage/sql';
import { answerRows, buildCaseRoutedCard, type ArticleText, type Answers } from './form-card';
import type { Locale } from './i18n';
import { cardAttachment } from './send';
import type { MessageRenderer } from './sender';

/** What the standard asks of the person a request is routed to. */
const REQUEST_DUTIES: Readonly<Record<string, ArticleText>> = {
  takeout: {
    text: {
      ja: '持ち出しの可否を判断し、端末機・記録媒体の持ち出しは記録する',
      en: 'Decide on the take-out; record terminals and media taken out',
    },
    article: '10(4)⑥',
  },
  exception: {
    text: {
      ja: '例外措置の合理的な理由と代替措置を確認する',
      en: 'Check the reason and the alternative measure',
    },
    article: '12(6)①',
  },
  software_install: {
    text: { ja: 'ソフトウェア導入・設定変更の可否を判断する', en: 'Decide on the software change' },
    article: '10(5)①',
  },
  private_device: {
    text: { ja: '業務上の必要性を判断する', en: 'Judge whether it is needed for work' },
    article: '10(3)',
  },
};

function dutiesFor(c: CaseRecord, isAssignee: boolean): ArticleText[] {
  if (!isAssignee) return [];
  if (isIncidentKind(c.kind)) {
    return incidentPlan(c.kind).officerRecords.map((r) => ({ text: r.label, article: r.article }));
  }
  const d = REQUEST_DUTIES[c.kind];
  return d ? [d] : [];
}

async function renderRouted(
  db: Database,
  m: Extract<OutboxMessage, { type: 'case.routed' }>,
  locale: Locale,
) {
  const cases = new CaseRepo(db);
  const c = await cases.get(m.caseId);
  if (!c) return null;
  const dir = new DirectoryRepo(db);
  const reporter = await dir.personById(c.reporterId);
  const section = await dir.section(c.sectionCode);
  const recipient = (await cases.recipients(c.id)).find((r) => r.personId === m.personId);
  if (!recipient) return null;
  const isAssignee = c.assigneeId === m.personId;
  const answers = ((c.form.answers ?? {}) as Answers) ?? {};
  const findings = ((c.evaluation.findings ?? []) as Finding[]).map((f) => ({
    message: f.text,
    article: f.article,
    level: f.level,
  }));
  const minutes = Math.round((Date.parse(c.ackDueAt ?? c.createdAt) - Date.parse(c.createdAt)) / 60_000);
  const card = buildCaseRoutedCard(locale, {
    caseId: c.id,
    kind: c.kind,
    severity: c.severity,
    reporter: { name: reporter?.name ?? c.reporterId, section: section?.name ?? c.sectionCode },
    reasons: recipient.reasons,
    submittedAt: new Date(c.createdAt),
    ...(isAssignee && c.ackDueAt ? { ack: { minutes, dueAt: new Date(c.ackDueAt) } } : {}),
    rows: answerRows(locale, FLOWS[c.kind].fields, answers),
    findings,
    duties: dutiesFor(c, isAssignee),
  });
  return { attachments: [cardAttachment(card)] } satisfies Partial<Activity>;
}

/** Renders outbox messages from storage at send time, in the recipient's language. */
export function createRenderer(db: Database): MessageRenderer {
  return async (message, locale) => {
    switch (message.type) {
      case 'text':
        return { text: (message.text as Localized)[locale] };
      case 'case.routed':
        return renderRouted(db, message, locale);
    }
  };
}
