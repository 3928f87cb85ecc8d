import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AbsenceRepo } from '../../src/storage/absence-repo';
import { AuditRepo } from '../../src/storage/audit-repo';
import { CaseRepo } from '../../src/storage/case-repo';
import { NOW, VALID } from '../domain/flows/fixtures';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions } from '../helpers/bot-harness';
import { ManualClock } from '../helpers/clock';
import { fileCase } from '../helpers/forms';

const json = (v: unknown) => JSON.stringify(v);
const executeVerbs = (card: unknown) =>
  cardActions(card)
    .map((a) => a.data.verb as string)
    .filter((v) => v !== 'case.refresh');

async function events(h: BotHarness, caseId: string): Promise<string[]> {
  return (await new AuditRepo(h.bot.db).list(caseId)).map((e) => e.event);
}

describe('approvers act on Universal Action cards', () => {
  // A fresh bot, database and clock per test: no test sees another's cases or absences.
  let h: BotHarness;
  let clock: ManualClock;
  beforeEach(async () => {
    clock = new ManualClock();
    h = await BotHarness.start({ clock });
    for (const p of Object.values(DEMO)) await h.say(p, 'こんにちは');
  });
  afterEach(async () => h.stop());

  it('delivers the officer a card with approve/reject, and approving updates every copy and tells the requester', async () => {
    const id = await fileCase(h, DEMO.staff, 'takeout');
    await h.connector.waitFor(() => h.inbox(DEMO.officer).some((r) => r.cardText.includes(id)));
    const posted = h.inbox(DEMO.officer).find((r) => r.cardText.includes(id))!;
    expect(executeVerbs(posted.card)).toEqual(expect.arrayContaining(['case.approve', 'case.reject']));
    expect(json(posted.card)).toContain('"refresh"');

    const res = await h.execute(DEMO.officer, 'case.approve', {
      caseId: id,
      conditions: '暗号化のうえ持ち出すこと',
    });
    expect(res.statusCode).toBe(200);
    expect(res.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(json(res.value)).toContain('佐藤 健一');
    expect(executeVerbs(res.value)).toEqual([]);
    const c = await new CaseRepo(h.bot.db).get(id);
    expect(c?.status).toBe('approved');
    expect(c?.state.decision).toMatchObject({
      by: 'E1002',
      outcome: 'approved',
      conditions: '暗号化のうえ持ち出すこと',
    });
    expect(await events(h, id)).toEqual(['case.submitted', 'case.approved']);
    // The requester hears of it in her own chat; the officer's posted card is replaced (no stale buttons).
    await h.connector.waitFor(() =>
      h.inbox(DEMO.staff).some((r) => (r.text ?? '').includes(id) && (r.text ?? '').includes('承認')),
    );
    await h.connector.waitFor(() => h.updates(DEMO.officer).some((r) => r.cardText.includes(id)));
    const updated = h
      .updates(DEMO.officer)
      .filter((r) => r.cardText.includes(id))
      .at(-1)!;
    expect(executeVerbs(updated.card)).toEqual([]);
    // The update replaces exactly the message that was posted (PUT …/activities/<its id>).
    expect(updated.raw.method).toBe('PUT');
    expect(updated.raw.responseId).toBe(posted.raw.responseId);
    expect(updated.raw.path).toMatch(new RegExp(`/activities/${posted.raw.responseId}$`));
  });

  it('refuses a rejection without a comment, in Japanese, and keeps the case pending', async () => {
    const id = await fileCase(h, DEMO.staff, 'software_install');
    const res = await h.execute(DEMO.officer, 'case.reject', { caseId: id, comment: '  ' });
    expect(json(res.value)).toMatch(/コメント|理由/);
    expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('submitted');
    const ok = await h.execute(DEMO.officer, 'case.reject', {
      caseId: id,
      comment: 'ライセンスが確認できないため',
    });
    expect(json(ok.value)).toContain('ライセンスが確認できないため');
    expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('rejected');
    await h.connector.waitFor(() =>
      h.inbox(DEMO.staff).some((r) => (r.text ?? '').includes(id) && (r.text ?? '').includes('却下')),
    );
  });

  it('denies the requester, a present officer’s deputy, another officer and an unknown person, and records the refusal', async () => {
    const id = await fileCase(h, DEMO.staff, 'private_device');
    for (const who of [DEMO.staff, DEMO.deputy, DEMO.itAdmin]) {
      const res = await h.execute(who, 'case.approve', { caseId: id });
      expect(json(res.value)).toMatch(/できません|のみ行えます/);
      expect(executeVerbs(res.value)).toEqual([]);
    }
    const before = h.connector.received.length;
    const unknown = await h.post({
      ...(await import('../helpers/activities')).teamsActivity({
        from: '99999999-0000-4000-8000-000000000099',
        serviceUrl: h.connector.url,
        type: 'invoke',
        value: {
          action: {
            type: 'Action.Execute',
            verb: 'case.approve',
            data: { verb: 'case.approve', caseId: id },
          },
        },
      }),
      name: 'adaptiveCard/action',
    });
    expect(unknown).toBe(200);
    expect(h.connector.received.length).toBe(before);
    expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('submitted');
    // Three people in the directory and one identity outside it: four refusals, four rows.
    expect((await events(h, id)).filter((e) => e === 'case.action_denied')).toHaveLength(4);
  });

  it('lets the deputy act while the officer is absent (不在), and two simultaneous clicks make exactly one decision', async () => {
    await new AbsenceRepo(h.bot.db).add({
      personId: 'E1002',
      from: new Date(clock.now().getTime() - 60_000).toISOString(),
      to: new Date(clock.now().getTime() + 86_400_000).toISOString(),
      at: clock.now().toISOString(),
    });
    const id = await fileCase(h, DEMO.staff, 'takeout');
    // While the officer is away the deputy receives the card too.
    await h.connector.waitFor(() => h.inbox(DEMO.deputy).some((r) => r.cardText.includes(id)));
    const [a, b] = await Promise.all([
      h.execute(DEMO.deputy, 'case.approve', { caseId: id }),
      h.execute(DEMO.officer, 'case.reject', { caseId: id, comment: '不可' }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const decided = (await events(h, id)).filter((e) => e === 'case.approved' || e === 'case.rejected');
    expect(decided).toHaveLength(1);
  });

  it('takes a normal exception through both stages: the officer forwards, 統括 approves', async () => {
    const id = await fileCase(h, DEMO.staff, 'exception');
    const forward = await h.execute(DEMO.officer, 'case.endorse', { caseId: id, comment: '代替措置は妥当' });
    expect(forward.statusCode).toBe(200);
    let c = await new CaseRepo(h.bot.db).get(id);
    expect(c).toMatchObject({ status: 'endorsed', assigneeId: 'E1005' });
    await h.connector.waitFor(() =>
      h.inbox(DEMO.chief).some((r) => r.cardText.includes(id) && r.cardText.includes('case.approve')),
    );
    // The officer cannot approve the stage they forwarded.
    const self = await h.execute(DEMO.officer, 'case.approve', { caseId: id });
    expect(json(self.value)).toMatch(/できません/);
    await h.execute(DEMO.chief, 'case.approve', { caseId: id });
    c = await new CaseRepo(h.bot.db).get(id);
    expect(c?.status).toBe('approved');
    expect(await events(h, id)).toEqual(expect.arrayContaining(['case.endorsed', 'case.approved']));
  });

  it('takes a lost-card incident from acknowledgement through records to closure', async () => {
    const id = await fileCase(h, DEMO.staff, 'lost_ic_card');
    const ack = await h.execute(DEMO.officer, 'case.acknowledge', { caseId: id });
    expect(executeVerbs(ack.value)).toEqual(expect.arrayContaining(['case.record']));
    const early = await h.execute(DEMO.officer, 'case.close', {
      caseId: id,
      closure_content: '紛失',
      closure_cause: '不注意',
      closure_damage: 'なし',
      closure_scope: '本人のみ',
    });
    expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('acknowledged');
    expect(json(early.value)).toMatch(/記録/);
    await h.execute(DEMO.officer, 'case.record', {
      caseId: id,
      record_access_stopped: '11/26 09:20 入退室システムで停止済み',
      record_outcome: '発見',
    });
    const closed = await h.execute(DEMO.officer, 'case.close', {
      caseId: id,
      closure_content: '紛失',
      closure_cause: '不注意',
      closure_damage: 'なし',
      closure_scope: '本人のみ',
    });
    expect(json(closed.value)).toContain('11/26 09:20 入退室システムで停止済み');
    expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('closed');
    // The early close was refused, and the refusal is in the audit trail like any other.
    expect(await events(h, id)).toEqual([
      'case.submitted',
      'case.acknowledged',
      'case.action_denied',
      'case.recorded',
      'case.closed',
    ]);
  });

  it('answers a refresh with the viewer’s own view', async () => {
    const id = await fileCase(h, DEMO.staff, 'takeout');
    const officerView = await h.execute(DEMO.officer, 'case.refresh', { caseId: id });
    expect(executeVerbs(officerView.value)).toEqual(expect.arrayContaining(['case.approve']));
    const chiefView = await h.execute(DEMO.chief, 'case.refresh', { caseId: id });
    expect(executeVerbs(chiefView.value)).toEqual([]);
  });
});

describe('a late click', () => {
  it('shows the current state and says who moved the case on', async () => {
    const h = await BotHarness.start({ clock: { now: () => new Date(NOW) } });
    try {
      for (const p of Object.values(DEMO)) await h.say(p, 'こんにちは');
      const id = await fileCase(h, DEMO.staff, 'takeout');
      await h.execute(DEMO.officer, 'case.approve', { caseId: id });
      const again = await h.execute(DEMO.officer, 'case.approve', { caseId: id });
      expect(json(again.value)).toContain(
        'この案件はすでに承認済みです。（最終操作: 佐藤 健一 さん、2026/04/10 12:00）',
      );
      expect((await events(h, id)).filter((e) => e === 'case.approved')).toHaveLength(1);
    } finally {
      await h.stop();
    }
  });
});

describe('urgent exceptions and reports to 統括', () => {
  it('records an urgent exception as 事後報告: the officer decides, 統括 acknowledges', async () => {
    const h = await BotHarness.start({ clock: { now: () => new Date(NOW) } });
    try {
      for (const p of Object.values(DEMO)) await h.say(p, 'こんにちは');
      const id = await fileCase(h, DEMO.staff, 'exception', { ...VALID.exception, urgent: 'true' });
      expect((await new CaseRepo(h.bot.db).get(id))?.state).toMatchObject({
        stage: 'urgent_decision',
        urgent: true,
      });
      const decided = await h.execute(DEMO.officer, 'case.endorse', { caseId: id });
      expect(json(decided.value)).toContain('12(6)②');
      expect(await new CaseRepo(h.bot.db).get(id)).toMatchObject({ status: 'endorsed', assigneeId: 'E1005' });
      await h.connector.waitFor(() =>
        h
          .inbox(DEMO.chief)
          .some((r) => r.cardText.includes(id) && r.cardText.includes('case.ack_post_report')),
      );
      await h.execute(DEMO.chief, 'case.ack_post_report', { caseId: id });
      const c = await new CaseRepo(h.bot.db).get(id);
      expect(c?.status).toBe('approved');
      expect(c?.state.chiefAcknowledgedAt).toBeTruthy();
      expect(await events(h, id)).toEqual([
        'case.submitted',
        'case.endorsed',
        'case.post_report_acknowledged',
      ]);
    } finally {
      await h.stop();
    }
  });

  it('a virus incident cannot close before it is reported to 統括 (12(4)④); the report reaches 統括', async () => {
    const h = await BotHarness.start({ clock: { now: () => new Date(NOW) } });
    try {
      for (const p of Object.values(DEMO)) await h.say(p, 'こんにちは');
      const id = await fileCase(h, DEMO.staff, 'virus');
      await h.execute(DEMO.officer, 'case.acknowledge', { caseId: id });
      await h.execute(DEMO.officer, 'case.record', {
        caseId: id,
        record_scope: '当該端末のみ',
        record_route: 'メール添付',
        record_removal: '駆除済み',
        record_evidence: 'ログ保全済み',
      });
      const closure = {
        closure_content: '感染',
        closure_cause: '添付',
        closure_damage: 'なし',
        closure_scope: '1台',
      };
      await h.execute(DEMO.officer, 'case.close', { caseId: id, ...closure });
      expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('acknowledged');
      await h.execute(DEMO.officer, 'case.report_chief', { caseId: id });
      await h.execute(DEMO.officer, 'case.close', { caseId: id, ...closure });
      expect((await new CaseRepo(h.bot.db).get(id))?.status).toBe('closed');
      expect(await events(h, id)).toEqual([
        'case.submitted',
        'case.acknowledged',
        'case.recorded',
        'case.action_denied', // closing before the report to 統括 was refused (and audited)
        'case.reported_to_chief',
        'case.closed',
      ]);
    } finally {
      await h.stop();
    }
  });
});
