import { randomUUID } from 'node:crypto';
import { DEMO_TENANT_ID } from '../../src/config/config';

/** The six demo people (infra/demo/directory.csv) used across tests. */
export const DEMO = {
  staff: '00000000-0000-4000-8000-000000000001', // 山田 花子, 総務課
  officer: '00000000-0000-4000-8000-000000000002', // 佐藤 健一, 総務課 課責任者
  deputy: '00000000-0000-4000-8000-000000000003', // 鈴木 一郎, 総務課 代理者
  superior: '00000000-0000-4000-8000-000000000004', // 伊藤 直樹, 上席者
  chief: '00000000-0000-4000-8000-000000000005', // 高橋 誠, 統括
  itAdmin: '00000000-0000-4000-8000-000000000006', // 田中 美咲, IT管理者
} as const;

export const BOT_ID = '28:00000000-0000-4000-8000-00000000b07d';

export interface ActivityOptions {
  from: string;
  text?: string;
  value?: unknown;
  serviceUrl: string;
  tenantId?: string;
  locale?: string;
  type?: string;
  conversationId?: string;
}

/** A Teams personal-chat activity as Teams (and the Agents Playground) sends it. */
export function teamsActivity(o: ActivityOptions): Record<string, unknown> {
  const tenantId = o.tenantId ?? DEMO_TENANT_ID;
  return {
    type: o.type ?? 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    serviceUrl: o.serviceUrl,
    channelId: 'msteams',
    from: { id: `29:${o.from}`, aadObjectId: o.from, name: '' },
    recipient: { id: BOT_ID, name: '情報セキュリティ窓口' },
    conversation: { id: o.conversationId ?? `a:personal-${o.from}`, conversationType: 'personal', tenantId },
    channelData: { tenant: { id: tenantId } },
    locale: o.locale ?? 'ja-JP',
    ...(o.text !== undefined ? { text: o.text } : {}),
    ...(o.value !== undefined ? { value: o.value } : {}),
  };
}
