// A generated audience for the delivery engine's crash test and benchmark: a directory CSV of many
// people, their stored 1:1 conversations, and the one place that enqueues a broadcast to them.
import { DEMO_TENANT_ID } from '../../src/config/config';
import { storedText } from '../../src/i18n';
import { ConversationRepo } from '../../src/storage/conversation-repo';
import { OutboxRepo, PRIORITY } from '../../src/storage/outbox-repo';
import type { Database } from '../../src/storage/sql';
import { HEADER, row, top } from './directory-rows';

/** aadObjectId of generated person n (the same as test/helpers/directory-rows.ts `row(n)`). */
export const personAad = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * A valid contact directory: five people holding the roles (rows 1–5) and `count` staff members
 * numbered from 100. Returns the CSV and the staff members' aadObjectIds.
 */
export function generatedDirectory(count: number): { csv: string; audience: string[] } {
  const lines = [
    HEADER,
    row(1, { ...top, 役割: '課責任者;上席者:210;統括' }),
    row(2, { ...top, 役割: '代理者;IT管理者' }),
    row(3, { 役割: '課責任者' }),
    row(4, { 役割: '代理者' }),
    row(5),
  ];
  const audience: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 100 + i;
    lines.push(row(n, { 電話: `06-6630-${String(n).padStart(5, '0')}` }));
    audience.push(personAad(n));
  }
  return { csv: lines.join('\n') + '\n', audience };
}

/** Stores a 1:1 conversation reference for each person (as the identity guard does on a first chat). */
export async function storeReferences(
  db: Database,
  aads: readonly string[],
  serviceUrl: string,
  at: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const refs = new ConversationRepo(tx);
    for (const aad of aads) {
      const conversationId = `a:personal-${aad}`;
      await refs.upsert({
        aadObjectId: aad,
        tenantId: DEMO_TENANT_ID,
        conversationId,
        reference: {
          channelId: 'msteams',
          serviceUrl,
          conversation: { id: conversationId, conversationType: 'personal', tenantId: DEMO_TENANT_ID },
          bot: { id: '28:00000000-0000-4000-8000-00000000b07d', name: '' },
          user: { id: `29:${aad}`, aadObjectId: aad, name: '' },
        },
        locale: 'ja-JP',
        at,
      });
    }
  });
}

/** The text of broadcast `runId`, as the recipient sees it (without the resend marker). */
export const broadcastText = (runId: string) => `【訓練】緊急連絡 ${runId}: 不審なメールに注意してください`;

/**
 * Enqueues one outbox row per recipient in ONE transaction, at emergency priority, each with its own
 * dedupe key. The stand-in for the broadcast service of issue 8 (the lead replaces it): everything
 * the delivery engine's tests and benchmark enqueue goes through here. Returns how many were new.
 */
export async function enqueueBroadcast(
  db: Database,
  o: { runId: string; recipients: readonly string[]; at: string; priority?: number },
): Promise<number> {
  const text = broadcastText(o.runId);
  return db.transaction(async (tx) => {
    const outbox = new OutboxRepo(tx);
    let n = 0;
    for (const aad of o.recipients) {
      const created = await outbox.enqueue({
        dedupeKey: `broadcast:${o.runId}:${aad}`,
        toAad: aad,
        priority: o.priority ?? PRIORITY.emergency,
        message: { type: 'text', text: storedText({ ja: text, en: text }) },
        at: o.at,
      });
      if (created) n += 1;
    }
    return n;
  });
}
