// What the case card shows of the broadcasts linked to a case and of its recurrence steps
// (12(4)⑤, 12(5)②エ, 12(5)③), for one viewer: rows for everyone who may see the case, and the
// buttons only for who may take the step now (domain/case-broadcasts.ts decides; every click is
// re-checked by the service anyway).
import {
  answerRate,
  CASE_BROADCAST_ARTICLE,
  mayStartCaseBroadcast,
  recurrenceStepAllowed,
  type CaseBroadcastPurpose,
  type LinkedCase,
} from '../domain/case-broadcasts';
import { formatJst } from '../domain/clock';
import type { Directory } from '../domain/directory';
import { caseBroadcasts, recurrenceOf, RECURRENCE_TEXT_MAX } from '../services/case-broadcast-service';
import type { SqlClient } from '../storage/sql';
import { BROADCAST_VERBS as V, type CaseLinkVerb } from './broadcast/verbs';
import type { CaseCardInput } from './cards/case-card-input';
import { basis, withCitation } from './citation';
import { t, type Locale } from './i18n';

type Linked = NonNullable<CaseCardInput['linked']>;
type Group = Linked['groups'][number];

const START_VERB: Readonly<Record<CaseBroadcastPurpose, CaseLinkVerb>> = {
  officer_alert: V.caseOfficers,
  cyber_emergency: V.caseAllStaff,
};

function button(verb: CaseLinkVerb, title: string, withInputs = false): Group['buttons'][number] {
  return { verb, title, style: 'default', associatedInputs: withInputs ? 'auto' : 'none' };
}

export async function caseLinks(
  db: SqlClient,
  locale: Locale,
  input: { case: LinkedCase; viewerId: string; directory: Directory },
): Promise<Linked> {
  const { case: c, viewerId, directory: dir } = input;
  const nameOf = (id: string | null) => dir.people.find((p) => p.id === id)?.name ?? id ?? '';
  const rows: Linked['rows'][number][] = [];
  const groups: Group[] = [];
  const linked = await caseBroadcasts(db, c.id);
  for (const b of linked) {
    const purpose = t(locale, `bcompose.purpose.${b.purpose}`);
    const rate = answerRate(b.answered, b.targeted);
    rows.push({
      label: t(locale, 'casebc.card.broadcastLabel', { id: b.id }),
      value: withCitation(
        locale,
        b.status === 'draft'
          ? t(locale, 'casebc.card.broadcastDraft', { purpose })
          : t(locale, 'casebc.card.broadcastSent', {
              purpose,
              status: t(locale, `broadcastResults.status.${b.status === 'recalled' ? 'recalled' : 'sent'}`),
              answered: b.answered,
              targeted: b.targeted,
              percent: rate ?? 0,
            }),
        b.article,
      ),
    });
  }
  for (const purpose of ['officer_alert', 'cyber_emergency'] as const) {
    if (linked.some((b) => b.purpose === purpose)) continue;
    if (!mayStartCaseBroadcast(dir, viewerId, c, purpose).ok) continue;
    groups.push({
      heading: t(locale, `casebc.card.${purpose}.heading`),
      basis: basis(locale, CASE_BROADCAST_ARTICLE[purpose]),
      inputs: [],
      buttons: [button(START_VERB[purpose], t(locale, `casebc.card.${purpose}.button`))],
    });
  }

  const r = await recurrenceOf(db, c.id);
  if (r) {
    rows.push(
      { label: withCitation(locale, t(locale, 'casebc.recurrence.analysis'), '12(5)③'), value: r.analysis },
      { label: t(locale, 'casebc.recurrence.measures'), value: r.measures },
      {
        label: t(locale, 'casebc.recurrence.agreement'),
        value: r.agreedAt
          ? t(locale, 'casebc.recurrence.agreedBy', {
              name: nameOf(r.agreedBy),
              at: formatJst(new Date(r.agreedAt)),
            })
          : t(locale, 'casebc.recurrence.notAgreed'),
      },
    );
  }
  if (recurrenceStepAllowed(dir, viewerId, c, r, 'record').ok) {
    groups.push({
      heading: t(locale, 'casebc.recurrence.recordHeading'),
      basis: basis(locale, '12(5)③'),
      inputs: [
        {
          id: 'recurrence_analysis',
          label: t(locale, 'casebc.recurrence.analysis'),
          value: r?.analysis ?? '',
          placeholder: '',
          multiline: true,
          maxLength: RECURRENCE_TEXT_MAX,
        },
        {
          id: 'recurrence_measures',
          label: t(locale, 'casebc.recurrence.measures'),
          value: r?.measures ?? '',
          placeholder: '',
          multiline: true,
          maxLength: RECURRENCE_TEXT_MAX,
        },
      ],
      buttons: [button(V.recurrenceRecord, t(locale, 'casebc.recurrence.recordButton'), true)],
    });
  }
  if (recurrenceStepAllowed(dir, viewerId, c, r, 'agree').ok) {
    groups.push({
      heading: t(locale, 'casebc.recurrence.agreeHeading'),
      basis: basis(locale, '12(5)③'),
      inputs: [],
      buttons: [button(V.recurrenceAgree, t(locale, 'casebc.recurrence.agreeButton'))],
    });
  }
  const notified = linked.some((b) => b.purpose === 'recurrence');
  if (!notified && recurrenceStepAllowed(dir, viewerId, c, r, 'notify').ok) {
    groups.push({
      heading: t(locale, 'casebc.recurrence.notifyHeading'),
      basis: basis(locale, '12(5)③'),
      inputs: [],
      buttons: [button(V.recurrenceNotify, t(locale, 'casebc.recurrence.notifyButton'))],
    });
  }
  return { rows, groups };
}
