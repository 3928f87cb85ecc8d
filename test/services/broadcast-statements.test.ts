// A broadcast costs a fixed number of statements whatever the number of recipients (chunks of a few
// hundred rows aside): sending, reminding and correcting batch their per-recipient rows instead of
// one round trip each, which over a network (PostgreSQL) would hold the transaction for seconds.
import { afterEach, describe, expect, it } from 'vitest';
import {
  correctBroadcast,
  remindNow,
  saveBroadcastDraft,
  sendBroadcast,
} from '../../src/services/broadcast-service';
import { importDirectory } from '../../src/services/directory-service';
import { BroadcastRepo } from '../../src/storage/broadcast-repo';
import { OutboxRepo } from '../../src/storage/outbox-repo';
import type { Database } from '../../src/storage/sql';
import { generatedDirectory } from '../helpers/broadcast';
import { ManualClock } from '../helpers/clock';
import { countingDb, openEngineDb } from '../helpers/counting-db';

const IT = 'T2';

let raw: Database | undefined;
afterEach(async () => {
  await raw?.close();
  raw = undefined;
});

interface Figures {
  send: number;
  remind: number;
  correct: number;
  recipients: number;
  reminded: number;
  updated: number;
}

async function run(staff: number): Promise<Figures> {
  raw = await openEngineDb();
  const clock = new ManualClock();
  await importDirectory(raw, generatedDirectory(staff).csv, { source: 'test', actor: 'system', clock });
  const d = await saveBroadcastDraft(raw, clock, {
    actorId: IT,
    content: {
      purpose: 'cyber_emergency',
      mode: 'drill',
      severity: 'emergency',
      title: '不審メールに注意',
      body: '添付ファイルを開かないでください。',
      audience: { kind: 'everyone', officersOnly: false },
      answer: { kind: 'choice', choices: [{ label: '該当なし' }, { label: '開いた' }] },
      instructedBy: null,
      remindAfterMinutes: 30,
      caseId: null,
    },
  });
  if (!d.ok) throw new Error(d.reason);
  const { db, log } = countingDb(raw);
  const sent = await sendBroadcast(db, clock, { actorId: IT, broadcastId: d.broadcast.id, version: 1 });
  if (!sent.ok) throw new Error(sent.reason);
  const send = log.texts.length;
  // Every copy delivered (as the sender marks them), so reminders and corrections concern them all.
  const outbox = new OutboxRepo(raw);
  for (const o of await outbox.byBroadcast(d.broadcast.id))
    if (o.message.type === 'broadcast')
      await outbox.markSent(o.id, clock.now().toISOString(), `act-${o.id}`, `c-${o.id}`);
  clock.advanceMinutes(60);
  log.reset();
  const reminded = await remindNow(db, clock, { actorId: IT, broadcastId: d.broadcast.id });
  if (!reminded.ok) throw new Error(reminded.reason);
  const remind = log.texts.length;
  log.reset();
  const b = await new BroadcastRepo(raw).get(d.broadcast.id);
  const corrected = await correctBroadcast(db, clock, {
    actorId: IT,
    broadcastId: d.broadcast.id,
    version: b!.version,
    title: '不審メールに注意（訂正）',
    body: '添付ファイルもリンクも開かないでください。',
  });
  if (!corrected.ok) throw new Error(corrected.reason);
  const correct = log.texts.length;
  const recipients = (await new BroadcastRepo(raw).recipientStatuses(d.broadcast.id)).length;
  await raw.close();
  raw = undefined;
  return { send, remind, correct, recipients, reminded: reminded.reminded, updated: corrected.updated };
}

describe('broadcast statements', () => {
  it('sends, reminds and corrects with the same number of statements for 3 and 30 staff', async () => {
    const few = await run(3);
    const many = await run(30);
    // Everyone: the five role holders (the sender too) and the staff.
    expect(few.recipients).toBe(3 + 5);
    expect(many.recipients).toBe(30 + 5);
    expect(many.reminded).toBe(many.recipients);
    expect(many.updated).toBeGreaterThanOrEqual(many.recipients);
    expect({ send: many.send, remind: many.remind, correct: many.correct }).toEqual({
      send: few.send,
      remind: few.remind,
      correct: few.correct,
    });
  });
});
