import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifySignature } from '../../src/services/webhook-service';
import { VALID } from '../domain/flows/fixtures';
import { DEMO } from '../helpers/activities';
import { BotHarness } from '../helpers/bot-harness';

const SECRET = 'access-control-secret-0123456789';

/** The access-control system, on loopback: records signed calls; answers with `status`. */
function receiver() {
  const calls: Array<{ headers: http.IncomingHttpHeaders; body: string }> = [];
  let status = 200;
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      calls.push({ headers: req.headers, body });
      res.writeHead(status);
      res.end();
    });
  });
  return {
    calls,
    setStatus: (s: number) => (status = s),
    start: () =>
      new Promise<string>((r) =>
        server.listen(0, '127.0.0.1', () =>
          r(`http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/ic-card`),
        ),
      ),
    stop: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('outbound webhook on a lost IC card (10(9)②)', () => {
  const rx = receiver();
  let h: BotHarness;
  beforeAll(async () => {
    const url = await rx.start();
    h = await BotHarness.start({
      clock: { now: () => new Date() },
      env: {
        WEBHOOKS: JSON.stringify([
          {
            name: 'access-control',
            url,
            events: ['case.submitted'],
            kinds: ['lost_ic_card'],
            secretEnv: 'WEBHOOK_SECRET_AC',
          },
        ]),
        WEBHOOK_SECRET_AC: SECRET,
      },
    });
    for (const p of Object.values(DEMO)) await h.say(p, 'こんにちは');
  });
  afterAll(async () => {
    await h.stop();
    await rx.stop();
  });

  it('calls the access-control system with a signed payload that carries ids, not personal data', async () => {
    const lostAt = new Date(Date.now() - 3_600_000);
    const jst = new Date(lostAt.getTime() + 9 * 3_600_000).toISOString();
    await h.say(DEMO.staff, {
      verb: 'flow.review',
      kind: 'lost_ic_card',
      ...VALID.lost_ic_card,
      cardNumber: 'IC-00123',
      lostAt__date: jst.slice(0, 10),
      lostAt__time: jst.slice(11, 16),
    });
    const created = await h.say(DEMO.staff, { verb: 'flow.submit', kind: 'lost_ic_card' });
    const id = /INC-\d{4}-\d{4}/.exec(created[0]?.cardText ?? '')![0];
    const deadline = Date.now() + 10_000;
    while (rx.calls.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(rx.calls).toHaveLength(1);
    const call = rx.calls[0]!;
    expect(
      verifySignature(
        SECRET,
        String(call.headers['x-securitydesk-timestamp']),
        call.body,
        String(call.headers['x-securitydesk-signature']),
      ),
    ).toBe(true);
    const payload = JSON.parse(call.body) as { event: string; case: Record<string, unknown> };
    expect(payload.event).toBe('case.submitted');
    expect(payload.case).toMatchObject({ id, kind: 'lost_ic_card', cardNumber: 'IC-00123' });
    expect(call.body).not.toContain('山田');
    expect(call.body).not.toContain(VALID.lost_ic_card.place);
    // Only the matching kind triggers it.
    await h.say(DEMO.staff, {
      verb: 'flow.review',
      kind: 'takeout',
      ...VALID.takeout,
      startDate: jst.slice(0, 10),
      returnDate: jst.slice(0, 10),
    });
    await h.say(DEMO.staff, { verb: 'flow.submit', kind: 'takeout' });
    // Deliveries are written in the submission's own transaction: the store says for certain that
    // the take-out queued none (waiting on the receiver could only say "not yet").
    const queued = await h.bot.db.query<{ case_id: string }>('SELECT case_id FROM webhook_deliveries');
    expect(queued.map((q) => q.case_id)).toEqual([id]);
    expect(rx.calls).toHaveLength(1);
  });

  it('shows a failed call to the officer on the case card', async () => {
    rx.setStatus(400); // refused at once: not retried
    const jst = new Date(Date.now() - 3_600_000 + 9 * 3_600_000).toISOString();
    await h.say(DEMO.staff, {
      verb: 'flow.review',
      kind: 'lost_ic_card',
      ...VALID.lost_ic_card,
      lostAt__date: jst.slice(0, 10),
      lostAt__time: jst.slice(11, 16),
    });
    const created = await h.say(DEMO.staff, { verb: 'flow.submit', kind: 'lost_ic_card' });
    const id = /INC-\d{4}-\d{4}/.exec(created[0]?.cardText ?? '')![0];
    const deadline = Date.now() + 10_000;
    let text = '';
    while (!text.includes('連携先 access-control への通知に失敗しました') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      text = JSON.stringify((await h.execute(DEMO.officer, 'case.refresh', { caseId: id })).value);
    }
    expect(text).toContain('連携先 access-control への通知に失敗しました');
  });
});
