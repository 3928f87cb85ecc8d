import { describe, expect, it } from 'vitest';
import { ConversationRepo } from '../../../src/storage/conversation-repo';
import { TenantRepo } from '../../../src/storage/tenant-repo';
import { AT as at, JA, plus, type WithDb } from './harness';

export function conversationContract(withDb: WithDb): void {
  describe('ConversationRepo', () => {
    it('upserts conversation references case-insensitively by aadObjectId, keeping the locale seen last', () =>
      withDb(async (db) => {
        const repo = new ConversationRepo(db);
        await repo.upsert({
          aadObjectId: 'ABC',
          tenantId: 't',
          conversationId: 'c',
          reference: { x: 1 },
          at,
          locale: 'ja-JP',
        });
        await repo.upsert({
          aadObjectId: 'abc',
          tenantId: 't',
          conversationId: 'c2',
          reference: { x: 2, s: JA },
          at: plus(1),
        });
        expect(await repo.get('ABC')).toEqual({
          aadObjectId: 'abc',
          tenantId: 't',
          conversationId: 'c2',
          reference: { x: 2, s: JA },
          installedAt: at,
          updatedAt: plus(1),
          welcomedAt: null,
          locale: 'ja-JP',
        });
        await repo.upsert({
          aadObjectId: 'aBc',
          tenantId: 't',
          conversationId: 'c2',
          reference: {},
          at,
          locale: 'en-US',
        });
        expect((await repo.get('abc'))?.locale).toBe('en-US');
        await repo.upsert({ aadObjectId: 'DEF', tenantId: 't', conversationId: 'c3', reference: {}, at });
        expect((await repo.get('def'))?.locale).toBeNull();
        expect(await repo.get('nobody')).toBeUndefined();
        expect([...(await repo.knownAadObjectIds())].sort()).toEqual(['abc', 'def']);
      }));

    it('marks the welcome once: only the first caller sees true', () =>
      withDb(async (db) => {
        const repo = new ConversationRepo(db);
        await repo.upsert({ aadObjectId: 'A', tenantId: 't', conversationId: 'c', reference: {}, at });
        const firsts = await Promise.all([repo.markWelcomed('a', plus(1)), repo.markWelcomed('A', plus(2))]);
        expect(firsts.sort()).toEqual([false, true]);
        expect([plus(1), plus(2)]).toContain((await repo.get('a'))?.welcomedAt);
        expect(await repo.markWelcomed('unknown', at)).toBe(false);
      }));
  });

  describe('TenantRepo', () => {
    it('learns a tenant service URL once and reports only changes', () =>
      withDb(async (db) => {
        const repo = new TenantRepo(db);
        expect(await repo.learn('T1', 'https://smba.example/amer/', '28:bot', at)).toBe(true);
        expect(await repo.learn('t1', 'https://smba.example/amer/', '28:bot', at)).toBe(false);
        expect(await repo.learn('t1', 'https://smba.example/emea/', null, plus(1))).toBe(true);
        expect(await repo.get('T1')).toEqual({
          tenantId: 't1',
          serviceUrl: 'https://smba.example/emea/',
          botId: '28:bot',
          updatedAt: plus(1),
        });
        expect(await repo.learn('t2', 'https://smba.example/apac/', null, at)).toBe(true);
        expect(await repo.learn('t2', 'https://smba.example/apac/', '28:bot', at)).toBe(true);
        expect(await repo.learn('t2', 'https://smba.example/apac/', null, at)).toBe(false);
        expect(await repo.get('t3')).toBeUndefined();
        expect((await repo.all()).map((t) => t.tenantId)).toEqual(['t1', 't2']);
      }));
  });
}
