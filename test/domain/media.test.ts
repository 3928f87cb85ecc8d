import { describe, expect, it } from 'vitest';
import {
  disposalDeciders,
  keptSections,
  MEDIA_FORM_FIELDS,
  mayTakeMediaStep,
  mediaAt,
  parseMonth,
  validateDisposalRecord,
  validateErasure,
  validateHandover,
  validateStorage,
  type MediaRecordState,
} from '../../src/domain/media';
import { t } from '../../src/i18n';
import { NOW } from './flows/fixtures';
import { demoDirectory } from '../helpers/demo-directory';

const ctx = { now: NOW }; // 2026-04-10 12:00 JST
const errorsOf = (r: { ok: boolean; errors?: Record<string, unknown> }) =>
  Object.fromEntries(Object.entries(r.ok ? {} : (r.errors ?? {})).map(([k, m]) => [k, t('ja', m as never)]));

const HANDOVER = {
  fileName: '給与データ',
  carrierName: '中川 一',
  carrierUnit: '計算センター',
  receiverName: '佐藤 健一',
  receiverUnit: '総務課',
  mediaType: 'usb',
  mediaId: 'USB-0012',
  month: '2026-04',
};
const STORAGE = {
  fileName: '人事記録',
  ownerSection: '総務課',
  importance: 'I',
  mediaType: 'optical',
  mediaId: 'DVD-3',
  createdOn: '2026-04-01',
  keepUntil: '2031-03-31',
  location: '耐火金庫',
};

describe('media forms hold exactly the standard’s items', () => {
  it('ア handover, イ storage (with 重要性分類), オ disposal request and record', () => {
    expect(MEDIA_FORM_FIELDS.handover.map((f) => t('ja', f.label))).toEqual([
      'ファイルの名称',
      '搬入者の氏名',
      '搬入者の所属',
      '受領者の氏名',
      '受領者の所属',
      '媒体の種別',
      '媒体の識別番号',
      '授受年月',
      'その他（課情報セキュリティ責任者が必要と認める事項）',
    ]);
    expect(MEDIA_FORM_FIELDS.storage.map((f) => t('ja', f.label))).toEqual([
      'ファイルの名称',
      '業務主管課名',
      '重要性分類',
      '媒体の種別',
      '媒体の識別番号',
      '作成年月日',
      '保管期限',
      '格納場所',
      'その他（課情報セキュリティ責任者が必要と認める事項）',
    ]);
    expect(MEDIA_FORM_FIELDS.erasure.map((f) => t('ja', f.label))).toEqual(['消去年月日']);
    expect(MEDIA_FORM_FIELDS.disposal_record.map((f) => t('ja', f.label))).toEqual([
      '処理の日時',
      '担当者',
      '消去の方法',
      '処理内容',
    ]);
  });
});

describe('validation', () => {
  it('授受年月 must be a real month, not in the future', () => {
    expect(validateHandover(HANDOVER, ctx)).toMatchObject({ ok: true, value: { month: '2026-04' } });
    expect(parseMonth('２０２６年４月')).toBeNull();
    expect(parseMonth('2026/04')).toBe('2026-04');
    expect(errorsOf(validateHandover({ ...HANDOVER, month: '2026-13' }, ctx)).month).toBe(
      '「授受年月」は年と月を「2026-04」の形で入力してください（実在する月）。',
    );
    expect(errorsOf(validateHandover({ ...HANDOVER, month: '2026-05' }, ctx)).month).toContain('授受年月');
    expect(errorsOf(validateHandover({ ...HANDOVER, carrierName: ' ' }, ctx)).carrierName).toBe(
      '「搬入者の氏名」を入力してください。',
    );
  });

  it('作成年月日 real and not in the future; 保管期限 not before it', () => {
    expect(validateStorage(STORAGE, ctx).ok).toBe(true);
    expect(errorsOf(validateStorage({ ...STORAGE, createdOn: '2026-02-30' }, ctx)).createdOn).toContain(
      '作成年月日',
    );
    expect(errorsOf(validateStorage({ ...STORAGE, keepUntil: '2026-03-31' }, ctx)).keepUntil).toContain(
      '保管期限',
    );
    expect(
      errorsOf(validateStorage({ ...STORAGE, createdOn: '2026-04-11', keepUntil: '2027-01-01' }, ctx))
        .createdOn,
    ).toContain('作成年月日');
    expect(errorsOf(validateStorage({ ...STORAGE, importance: 'V' }, ctx)).importance).toContain(
      '重要性分類',
    );
  });

  it('消去年月日 not before 作成年月日 and not in the future', () => {
    expect(validateErasure({ erasedOn: '2026-04-09' }, { ...ctx, createdOn: '2026-04-01' }).ok).toBe(true);
    expect(
      errorsOf(validateErasure({ erasedOn: '2026-03-31' }, { ...ctx, createdOn: '2026-04-01' })).erasedOn,
    ).toContain('作成年月日');
    expect(
      errorsOf(validateErasure({ erasedOn: '2026-04-11' }, { ...ctx, createdOn: '2026-04-01' })).erasedOn,
    ).toContain('消去年月日');
  });

  it('the disposal is recorded with 日時, 担当者 and 処理内容, not before the permission', () => {
    const raw = {
      doneAt: '2026-04-10T11:00',
      operator: '山田',
      method: 'overwrite',
      details: '全領域を上書き',
    };
    const permittedAt = new Date('2026-04-10T01:00:00Z'); // 10:00 JST
    expect(validateDisposalRecord(raw, { ...ctx, permittedAt })).toMatchObject({ ok: true });
    expect(
      errorsOf(validateDisposalRecord({ ...raw, doneAt: '2026-04-10T09:59' }, { ...ctx, permittedAt }))
        .doneAt,
    ).toContain('廃棄の許可より前');
    expect(
      errorsOf(validateDisposalRecord({ ...raw, doneAt: '2026-04-10T12:01' }, { ...ctx, permittedAt }))
        .doneAt,
    ).toContain('処理の日時');
    expect(
      Object.keys(
        errorsOf(validateDisposalRecord({ ...raw, details: '', method: '' }, { ...ctx, permittedAt })),
      ),
    ).toEqual(['method', 'details']);
  });

  it('the disposal can be recorded in the minute of the permission (the form has minutes only)', () => {
    const raw = { doneAt: '2026-04-10T11:59', operator: '山田', method: 'overwrite', details: '破砕' };
    // Permitted at 11:59:40 JST, recorded at 11:59:50: 11:59 is the only time the form can carry
    // that is neither before the permission's minute nor in the future.
    const permittedAt = new Date('2026-04-10T02:59:40Z');
    const now = new Date('2026-04-10T02:59:50Z');
    expect(validateDisposalRecord(raw, { now, permittedAt })).toMatchObject({ ok: true });
    expect(
      errorsOf(validateDisposalRecord({ ...raw, doneAt: '2026-04-10T11:58' }, { now, permittedAt })).doneAt,
    ).toContain('廃棄の許可より前');
  });

  it('the ledger date: first day of 授受年月 / 作成年月日 at 00:00 JST / the request time', () => {
    expect(mediaAt({ kind: 'handover', month: '2026-04' }, NOW)).toBe('2026-03-31T15:00:00.000Z');
    expect(mediaAt({ kind: 'storage', createdOn: '2026-04-01' }, NOW)).toBe('2026-03-31T15:00:00.000Z');
    expect(mediaAt({ kind: 'disposal' }, NOW)).toBe(NOW.toISOString());
  });
});

describe('who may do what (deny by default)', () => {
  const dir = demoDirectory();
  const rec = (o: Partial<MediaRecordState>): MediaRecordState => ({
    id: 'MED-2026-0001',
    kind: 'disposal',
    sectionCode: '210',
    status: 'requested',
    createdBy: 'E1001',
    ...o,
  });

  it('keepers are the officer and the deputy of the section', () => {
    expect(keptSections(dir, 'E1002').map((s) => s.code)).toEqual(['210']);
    expect(keptSections(dir, 'E1003').map((s) => s.code)).toEqual(['210']);
    expect(keptSections(dir, 'E1001')).toEqual([]);
    expect(disposalDeciders(dir, '210', 'E1001')).toEqual(['E1002', 'E1003']);
    expect(disposalDeciders(dir, '210', 'E1002')).toEqual(['E1003']);
  });

  it('permit: officer or deputy, never the requester, never another section; only while requested', () => {
    expect(mayTakeMediaStep(dir, 'E1002', rec({}), 'permit')).toEqual({ ok: true, to: 'permitted' });
    expect(mayTakeMediaStep(dir, 'E1003', rec({}), 'refuse')).toEqual({ ok: true, to: 'refused' });
    expect(mayTakeMediaStep(dir, 'E1001', rec({}), 'permit')).toEqual({ ok: false, reason: 'own_request' });
    expect(mayTakeMediaStep(dir, 'E1002', rec({ createdBy: 'E1002' }), 'permit')).toEqual({
      ok: false,
      reason: 'own_request',
    });
    for (const outsider of ['E1010', 'E1012', 'E1004', 'E1005', 'E1006'])
      expect(mayTakeMediaStep(dir, outsider, rec({}), 'permit'), outsider).toEqual({
        ok: false,
        reason: 'not_found',
      });
    expect(mayTakeMediaStep(dir, 'E1002', rec({ status: 'permitted' }), 'permit')).toEqual({
      ok: false,
      reason: 'invalid_state',
    });
    expect(mayTakeMediaStep(dir, 'E1002', undefined, 'permit')).toEqual({ ok: false, reason: 'not_found' });
  });

  it('a disposal is recorded as done only after permission', () => {
    for (const status of ['requested', 'refused', 'done'] as const)
      expect(mayTakeMediaStep(dir, 'E1001', rec({ status }), 'record_disposal')).toEqual({
        ok: false,
        reason: 'invalid_state',
      });
    expect(mayTakeMediaStep(dir, 'E1001', rec({ status: 'permitted' }), 'record_disposal')).toEqual({
      ok: true,
      to: 'done',
    });
    expect(mayTakeMediaStep(dir, 'E1010', rec({ status: 'permitted' }), 'record_disposal')).toEqual({
      ok: false,
      reason: 'not_found',
    });
  });

  it('erasure: keepers of the section, on a stored entry', () => {
    const stored = rec({ kind: 'storage', status: 'stored', createdBy: 'E1002' });
    expect(mayTakeMediaStep(dir, 'E1003', stored, 'erase')).toEqual({ ok: true, to: 'erased' });
    expect(mayTakeMediaStep(dir, 'E1001', stored, 'erase')).toEqual({ ok: false, reason: 'not_found' });
    expect(mayTakeMediaStep(dir, 'E1002', stored, 'permit')).toEqual({ ok: false, reason: 'not_found' });
  });
});
