import { t } from '../../../src/i18n';
import { describe, expect, it } from 'vitest';
import * as deviceLost from '../../../src/domain/flows/device-lost';
import * as passwordLeak from '../../../src/domain/flows/password-leak';
import * as privateDevice from '../../../src/domain/flows/private-device';
import * as softwareInstall from '../../../src/domain/flows/software-install';
import * as systemFailure from '../../../src/domain/flows/system-failure';
import {
  deviceLostActions,
  deviceLostIsPossibleLeak,
  passwordLeakActions,
} from '../../../src/domain/policy/incident';
import { VALID, ctx } from './fixtures';

describe('password leak form', () => {
  const base = VALID.password_leak;
  it('parses; not yet changed → change now (10(8)②カ)', () => {
    const r = passwordLeak.validate(base, ctx);
    expect(r).toMatchObject({
      ok: true,
      value: { system: 'グループウェア', leakRoute: 'phishing', alreadyChanged: false },
    });
    if (r.ok)
      expect(passwordLeakActions(r.value)).toEqual([expect.objectContaining({ article: '10(8)②カ' })]);
    expect(passwordLeakActions({ alreadyChanged: true })).toEqual([]);
  });
  it.each([
    ['leakRoute', { leakRoute: 'x' }, /選択肢/],
    ['noticedAt', { noticedAt: '2026-04-10 12:30' }, /未来/],
    ['system', { system: '' }, /システム名」を入力/],
  ])('%s: %j → error', (field, over, message) => {
    const r = passwordLeak.validate({ ...base, ...over }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(t('ja', r.errors[field])).toMatch(message);
  });
});

describe('device lost form', () => {
  const base = VALID.device_lost;
  it('parses; stolen without police report → police action', () => {
    const r = deviceLost.validate(base, ctx);
    expect(r).toMatchObject({
      ok: true,
      value: {
        deviceKind: 'usb_memory',
        lossType: 'stolen',
        lostAt: new Date('2026-04-09T10:00:00Z'),
        encrypted: true,
      },
    });
    if (!r.ok) return;
    expect(deviceLostActions(r.value).map((a) => a.id)).toEqual(['police_report']);
    expect(deviceLostIsPossibleLeak(r.value)).toBe(false);
  });
  it.each([
    [
      {
        remoteWipePossible: true,
        lossType: 'lost',
        policeReported: false,
        encrypted: false,
        classification: 'I',
      },
      ['remote_wipe', 'possible_leak'],
    ],
    [
      {
        remoteWipePossible: false,
        lossType: 'stolen',
        policeReported: true,
        encrypted: false,
        classification: 'III',
      },
      [],
    ],
  ] as const)('actions for %j', (facts, ids) => {
    expect(deviceLostActions(facts).map((a) => a.id)).toEqual(ids);
  });
  it.each([
    ['deviceKind', { deviceKind: 'camera' }, /選択肢/],
    ['lossType', { lossType: '' }, /紛失・盗難の別」を選択/],
    ['encrypted', { encrypted: 'on' }, /値が正しくありません/],
  ])('%s: %j → error', (field, over, message) => {
    const r = deviceLost.validate({ ...base, ...over }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(t('ja', r.errors[field])).toMatch(message);
  });
});

describe('system failure form', () => {
  const base = VALID.system_failure;
  it('parses', () => {
    expect(systemFailure.validate(base, ctx)).toMatchObject({
      ok: true,
      value: {
        scope: 'several_sections',
        otherSections: '総務課、施設課',
        since: new Date('2026-04-10T00:15:00Z'),
      },
    });
    expect(systemFailure.validate({ ...base, scope: 'own_section', otherSections: '' }, ctx).ok).toBe(true);
  });
  it.each([
    ['otherSections', { otherSections: '' }, /複数の課の場合は「影響を受けているほかの課」を入力/],
    ['scope', { scope: 'city' }, /選択肢/],
    ['since', { since: 'yesterday' }, /正しい日時/],
  ])('%s: %j → error', (field, over, message) => {
    const r = systemFailure.validate({ ...base, ...over }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(t('ja', r.errors[field])).toMatch(message);
  });
});

describe('software install form', () => {
  const base = VALID.software_install;
  it('parses; uninstall needs no licence confirmation', () => {
    expect(softwareInstall.validate(base, ctx)).toMatchObject({
      ok: true,
      value: { action: 'install', licenseConfirmed: true, version: '12.1' },
    });
    expect(
      softwareInstall.validate({ ...base, action: 'uninstall', licenseConfirmed: 'false' }, ctx).ok,
    ).toBe(true);
  });
  it.each([
    ['licenseConfirmed', { licenseConfirmed: 'false' }, /使用許諾（ライセンス）に違反しない/],
    ['action', { action: 'upgrade' }, /選択肢/],
    ['assetNumber', { assetNumber: '' }, /資産番号」を入力/],
  ])('%s: %j → error', (field, over, message) => {
    const r = softwareInstall.validate({ ...base, ...over }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(t('ja', r.errors[field])).toMatch(message);
  });
});

describe('private device form', () => {
  const base = VALID.private_device;
  it('parses', () => {
    expect(privateDevice.validate(base, ctx)).toMatchObject({
      ok: true,
      value: { deviceKind: 'external_service', reasonCategory: 'disaster_response', periodEnd: '2026-04-20' },
    });
  });
  it.each([
    ['periodEnd', { periodEnd: '2026-04-09' }, /以降/],
    ['periodStart', { periodStart: '2026-04-01' }, /過去の日付/],
    ['justification', { justification: '' }, /業務上必要な理由」を入力/],
    ['deviceKind', { deviceKind: 'sns' }, /選択肢/],
  ])('%s: %j → error', (field, over, message) => {
    const r = privateDevice.validate({ ...base, ...over }, ctx);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(t('ja', r.errors[field])).toMatch(message);
  });
});
