// The media record card flow (8(3)②アイオ) through the real bot: officers record handovers and
// stored media; staff ask to dispose of an asset, the officer permits with one click, the requester
// records what was done. Replays by outsiders and with a neighbouring id are refused and audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditRepo } from '../../src/storage/audit-repo';
import { MediaRepo } from '../../src/storage/media-repo';
import { NOW } from '../domain/flows/fixtures';
import { DEMO } from '../helpers/activities';
import { BotHarness, cardActions, cardInputs } from '../helpers/bot-harness';

const clock = { now: () => new Date(NOW) }; // 2026-04-10 12:00 JST
const NEIGHBOUR = '00000000-0000-4000-8000-000000000012'; // 渡辺 修, officer of 経理課 (220)
const COLLEAGUE = '00000000-0000-4000-8000-000000000010'; // 吉田 翔太, staff of 総務課

const HANDOVER = {
  sectionCode: '210',
  fileName: '令和7年度 給与データ',
  carrierName: '中川 一',
  carrierUnit: '株式会社サンプル計算センター',
  receiverName: '佐藤 健一',
  receiverUnit: '総務課',
  mediaType: 'usb',
  mediaId: 'USB-0012',
  month: '2026-04',
};
const STORAGE = {
  sectionCode: '210',
  fileName: '人事記録 2025',
  ownerSection: '総務課',
  importance: 'I',
  mediaType: 'optical',
  mediaId: 'DVD-0003',
  createdOn: '2026-04-01',
  keepUntil: '2031-03-31',
  location: '総務課 耐火金庫',
};
const DISPOSAL = {
  assetName: '旧ファイルサーバのHDD',
  mediaType: 'external_disk',
  mediaId: 'HDD-07',
  importance: 'II',
};
const RECORD = {
  doneAt__date: '2026-04-10',
  doneAt__time: '12:00',
  operator: '山田 花子',
  method: 'physical_destruction',
  details: '消去ソフトで全領域を上書きし、破砕した',
};

describe('媒体の記録 (8(3)②アイオ)', () => {
  let h: BotHarness;
  const events = async (subject: string) => (await new AuditRepo(h.bot.db).list(subject)).map((e) => e.event);
  const denials = async () =>
    (await new AuditRepo(h.bot.db).list()).filter((e) => e.event === 'media.action_denied');

  beforeAll(async () => {
    h = await BotHarness.start({ clock });
    for (const p of [...Object.values(DEMO), NEIGHBOUR, COLLEAGUE]) await h.say(p, 'こんにちは');
  });
  afterAll(async () => h.stop());

  it('an officer records a handover; errors come back in Japanese with every answer kept, also after a restart', async () => {
    const menu = (await h.say(DEMO.officer, '媒体の記録'))[0]!;
    expect(menu.cardText).toContain('記録する課: 総務課');
    expect(menu.cardText).toContain('根拠: 対策基準 8(3)②ア・8(3)②イ・8(3)②オ');
    const forms = cardActions(menu.card)
      .filter((a) => a.data.verb === 'media.form')
      .map((a) => a.data.form);
    expect(forms).toEqual(['handover', 'storage', 'disposal_request']);

    const form = (await h.say(DEMO.officer, { verb: 'media.form', form: 'handover', recordId: '' }))[0]!;
    expect(cardInputs(form.card)).toMatchObject({ sectionCode: '210' });

    const bad = (
      await h.say(DEMO.officer, {
        verb: 'media.submit',
        form: 'handover',
        recordId: '',
        ...HANDOVER,
        month: '2026-13',
      })
    )[0]!;
    expect(bad.cardText).toContain('「授受年月」は年と月を「2026-04」の形で入力してください');
    expect(cardInputs(bad.card)).toMatchObject({ fileName: HANDOVER.fileName, month: '2026-13' });

    await h.restart();
    const again = (await h.say(DEMO.officer, { verb: 'media.form', form: 'handover', recordId: '' }))[0]!;
    expect(cardInputs(again.card)).toMatchObject({ carrierName: '中川 一', month: '2026-13' });
    expect(again.cardText).toContain('「授受年月」は年と月を');

    const ok = (
      await h.say(DEMO.officer, { verb: 'media.submit', form: 'handover', recordId: '', ...HANDOVER })
    )[0]!;
    const id = /MED-2026-\d{4}/.exec(ok.cardText)![0];
    expect(ok.cardText).toContain(`${id} を記録しました。`);
    const rec = await new MediaRepo(h.bot.db).get(id);
    expect(rec).toMatchObject({
      kind: 'handover',
      sectionCode: '210',
      status: 'recorded',
      createdBy: 'E1002',
    });
    expect(rec?.data).toMatchObject({
      carrierName: '中川 一',
      month: '2026-04',
      recordedByName: '佐藤 健一',
    });
    expect(rec?.at).toBe('2026-03-31T15:00:00.000Z');
    expect(await events(id)).toEqual(['media.handover_recorded']);
    expect(await new MediaRepo(h.bot.db).getDraft('E1002', 'handover', '')).toBeUndefined();
  });

  it('staff cannot record a handover (refused, audited); a forged section is refused on the form', async () => {
    const before = (await denials()).length;
    const r = (
      await h.say(DEMO.staff, { verb: 'media.submit', form: 'handover', recordId: '', ...HANDOVER })
    )[0]!;
    expect(r.text).toContain('課情報セキュリティ責任者（または代理者）が行います');
    expect((await denials()).length).toBe(before + 1);
    // The officer of 経理課 sending 総務課's code: the section choice holds only his own.
    const forged = (
      await h.say(NEIGHBOUR, { verb: 'media.submit', form: 'handover', recordId: '', ...HANDOVER })
    )[0]!;
    expect(forged.cardText).toContain('「課」');
    expect(await new MediaRepo(h.bot.db).count({ kind: 'handover', sections: ['220'] })).toBe(0);
  });

  it('records a stored medium and later its erasure date (before/after audited); others cannot', async () => {
    const bad = (
      await h.say(DEMO.deputy, {
        verb: 'media.submit',
        form: 'storage',
        recordId: '',
        ...STORAGE,
        keepUntil: '2026-03-31',
      })
    )[0]!;
    expect(bad.cardText).toContain('「保管期限」');
    const ok = (
      await h.say(DEMO.deputy, { verb: 'media.submit', form: 'storage', recordId: '', ...STORAGE })
    )[0]!;
    const id = /MED-2026-\d{4}/.exec(ok.cardText)![0];
    const menu = (await h.say(DEMO.officer, '媒体台帳'))[0]!;
    expect(cardActions(menu.card).find((a) => a.data.form === 'erasure')?.data.recordId).toBe(id);

    // A neighbouring officer and a colleague replay the erasure click and submit.
    for (const who of [NEIGHBOUR, DEMO.staff]) {
      const r = (
        await h.say(who, { verb: 'media.submit', form: 'erasure', recordId: id, erasedOn: '2026-04-09' })
      )[0]!;
      expect(r.text).toBe('この記録は表示できません。');
    }
    const early = (
      await h.say(DEMO.officer, {
        verb: 'media.submit',
        form: 'erasure',
        recordId: id,
        erasedOn: '2026-03-01',
      })
    )[0]!;
    expect(early.cardText).toContain('「消去年月日」');
    await h.say(DEMO.officer, {
      verb: 'media.submit',
      form: 'erasure',
      recordId: id,
      erasedOn: '2026-04-09',
    });
    const rec = await new MediaRepo(h.bot.db).get(id);
    expect(rec).toMatchObject({ status: 'erased', version: 2 });
    expect(rec?.data.erasedOn).toBe('2026-04-09');
    const audit = (await new AuditRepo(h.bot.db).list(id)).filter(
      (e) => e.event === 'media.erasure_recorded',
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actor: 'E1002',
      article: '8(3)②イ',
      data: {
        before: { status: 'stored', erasedOn: null },
        after: { status: 'erased', erasedOn: '2026-04-09' },
      },
    });
    expect((await denials()).filter((e) => e.subject === id).map((e) => e.actor)).toEqual(['E1012', 'E1001']);
  });

  it('disposal: staff asks, the officer permits with one click, outsiders and replays are refused, then the requester records it', async () => {
    const asked = (
      await h.say(DEMO.staff, { verb: 'media.submit', form: 'disposal_request', recordId: '', ...DISPOSAL })
    )[0]!;
    const id = /MED-2026-\d{4}/.exec(asked.cardText)![0];
    expect(asked.cardText).toContain('廃棄の許可を申請しました');

    // Not yet permitted: the disposal cannot be recorded as done.
    const early = (
      await h.say(DEMO.staff, { verb: 'media.submit', form: 'disposal_record', recordId: id, ...RECORD })
    )[0]!;
    expect(early.text).toContain('すでに「許可待ち」です');
    expect((await new MediaRepo(h.bot.db).get(id))?.status).toBe('requested');

    // The officer and the deputy each get the card with 許可 / 不許可; the requester does not.
    await h.connector.waitFor(() =>
      h.inbox(DEMO.officer).some((r) => r.cardText.includes(`情報資産の廃棄 ${id}`)),
    );
    await h.connector.waitFor(() =>
      h.inbox(DEMO.deputy).some((r) => r.cardText.includes(`情報資産の廃棄 ${id}`)),
    );
    const card = h.inbox(DEMO.officer).find((r) => r.cardText.includes(`情報資産の廃棄 ${id}`))!;
    expect(cardActions(card.card).map((a) => a.data)).toEqual([
      { verb: 'media.permit', recordId: id, form: '' },
      { verb: 'media.refuse', recordId: id, form: '' },
    ]);
    expect(card.cardText).toContain('旧ファイルサーバのHDD');

    // Replays: the requester herself, a colleague, the neighbouring officer, a stranger; and a
    // neighbouring id that does not exist. Each refused with nothing learnt, each audited.
    const before = (await denials()).length;
    for (const who of [DEMO.staff, COLLEAGUE, NEIGHBOUR, DEMO.superior]) {
      const r = (await h.say(who, { verb: 'media.permit', recordId: id }))[0]!;
      expect(r.text, who).not.toContain('廃棄を許可しました');
    }
    expect((await h.say(DEMO.staff, { verb: 'media.permit', recordId: id }))[0]!.text).toBe(
      'ご自身の廃棄の申請を許可することはできません。',
    );
    expect((await h.say(NEIGHBOUR, { verb: 'media.permit', recordId: id }))[0]!.text).toBe(
      'この記録は表示できません。',
    );
    const neighbourId = id.replace(/\d{4}$/, (n) => String(Number(n) + 1).padStart(4, '0'));
    expect((await h.say(DEMO.officer, { verb: 'media.permit', recordId: neighbourId }))[0]!.text).toBe(
      'この記録は表示できません。',
    );
    const stranger = await h.say('00000000-0000-4000-8000-0000000000ff', {
      verb: 'media.permit',
      recordId: id,
    });
    expect(stranger[0]?.cardText ?? '').not.toContain(id);
    expect((await new MediaRepo(h.bot.db).get(id))?.status).toBe('requested');
    const refused = (await denials()).slice(before);
    expect(refused.map((e) => [e.actor, e.subject, e.data?.reason])).toEqual([
      ['E1001', id, 'own_request'],
      ['E1010', id, 'not_found'],
      ['E1012', id, 'not_found'],
      ['E1004', id, 'not_found'],
      ['E1001', id, 'own_request'],
      ['E1012', id, 'not_found'],
      ['E1002', neighbourId, 'not_found'],
    ]);

    const ok = (await h.say(DEMO.officer, { verb: 'media.permit', recordId: id }))[0]!;
    expect(ok.text).toBe(`${id} の廃棄を許可しました。申請者に伝えます。`);
    // The deputy's late click: one decision per request.
    const late = (await h.say(DEMO.deputy, { verb: 'media.refuse', recordId: id }))[0]!;
    expect(late.text).toBe(`${id} はすでに「許可済み（処理待ち）」です（佐藤 健一）。`);
    expect((await new MediaRepo(h.bot.db).get(id))?.data).toMatchObject({
      decision: 'permitted',
      decidedBy: 'E1002',
    });

    // The requester is told with a card to record what was done.
    await h.connector.waitFor(() =>
      h.inbox(DEMO.staff).some((r) => r.cardText.includes('廃棄が許可されました')),
    );
    const told = h.inbox(DEMO.staff).find((r) => r.cardText.includes('廃棄が許可されました'))!;
    expect(cardActions(told.card).map((a) => a.data)).toEqual([
      { verb: 'media.form', recordId: id, form: 'disposal_record' },
    ]);
    // A colleague replays the record form.
    expect(
      (await h.say(COLLEAGUE, { verb: 'media.form', form: 'disposal_record', recordId: id }))[0]!.text,
    ).toBe('この記録は表示できません。');
    const form = (await h.say(DEMO.staff, { verb: 'media.form', form: 'disposal_record', recordId: id }))[0]!;
    expect(cardInputs(form.card)).toMatchObject({ operator: '山田 花子', doneAt__date: '2026-04-10' });
    const missing = (
      await h.say(DEMO.staff, {
        verb: 'media.submit',
        form: 'disposal_record',
        recordId: id,
        ...RECORD,
        details: '',
      })
    )[0]!;
    expect(missing.cardText).toContain('「処理内容」を入力してください。');
    const beforePermission = (
      await h.say(DEMO.staff, {
        verb: 'media.submit',
        form: 'disposal_record',
        recordId: id,
        ...RECORD,
        doneAt__time: '11:30',
      })
    )[0]!;
    expect(beforePermission.cardText).toContain('「処理の日時」が廃棄の許可より前になっています。');
    const done = (
      await h.say(DEMO.staff, { verb: 'media.submit', form: 'disposal_record', recordId: id, ...RECORD })
    )[0]!;
    expect(done.cardText).toContain(`${id} の廃棄の処理を記録しました。`);
    const rec = await new MediaRepo(h.bot.db).get(id);
    expect(rec?.status).toBe('done');
    expect(rec?.data).toMatchObject({
      doneAt: '2026-04-10T03:00:00.000Z',
      operator: '山田 花子',
      method: 'physical_destruction',
    });
    expect(await events(id)).toEqual([
      'media.disposal_requested',
      'media.action_denied',
      'media.action_denied',
      'media.action_denied',
      'media.action_denied',
      'media.action_denied',
      'media.action_denied',
      'media.action_denied',
      'media.disposal_permitted',
      'media.action_denied',
      'media.action_denied',
      'media.draft_saved',
      'media.draft_saved',
      'media.disposal_recorded',
    ]);
    // Recorded once: a replay of the record is refused.
    const replay = (
      await h.say(DEMO.staff, { verb: 'media.submit', form: 'disposal_record', recordId: id, ...RECORD })
    )[0]!;
    expect(replay.text).toContain('すでに「廃棄済み」です');
  });

  it('a refused request cannot be recorded as done', async () => {
    const asked = (
      await h.say(COLLEAGUE, {
        verb: 'media.submit',
        form: 'disposal_request',
        recordId: '',
        ...DISPOSAL,
        mediaId: 'HDD-08',
      })
    )[0]!;
    const id = /MED-2026-\d{4}/.exec(asked.cardText)![0];
    expect((await h.say(DEMO.deputy, { verb: 'media.refuse', recordId: id }))[0]!.text).toContain(
      '許可しませんでした',
    );
    const r = (
      await h.say(COLLEAGUE, { verb: 'media.submit', form: 'disposal_record', recordId: id, ...RECORD })
    )[0]!;
    expect(r.text).toContain('すでに「不許可」です');
    expect((await new MediaRepo(h.bot.db).get(id))?.status).toBe('refused');
  });
});
