import type { CaseKind } from '../../src/domain/cases';
import { FLOWS } from '../../src/domain/flows';
import { VALID } from '../domain/flows/fixtures';
import type { BotHarness } from './bot-harness';

/** What a card submit sends: datetime answers split into the two inputs the form card has. */
export function submitValue(kind: CaseKind, answers: Record<string, string>): Record<string, unknown> {
  const value: Record<string, unknown> = { verb: 'flow.review', kind };
  for (const f of FLOWS[kind].fields) {
    const v = answers[f.id] ?? '';
    if (f.kind === 'datetime') {
      const [d = '', t = ''] = v.split('T');
      value[`${f.id}__date`] = d;
      value[`${f.id}__time`] = t;
    } else {
      value[f.id] = v;
    }
  }
  return value;
}

/** Reviews and submits a form as `from`; returns the new case id (throws when none was created). */
export async function fileCase(
  h: BotHarness,
  from: string,
  kind: CaseKind,
  answers: Record<string, string> = VALID[kind],
): Promise<string> {
  await h.say(from, submitValue(kind, answers));
  const created = await h.say(from, { verb: 'flow.submit', kind });
  const id = /(INC|REQ)-\d{4}-\d{4}/.exec(created[0]?.cardText ?? '')?.[0];
  if (!id) throw new Error(`no case created: ${created[0]?.text ?? created[0]?.cardText}`);
  return id;
}
