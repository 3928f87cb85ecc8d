import { t } from '../../../src/i18n';
import { describe, expect, it } from 'vitest';
import { assessMisdirectedMail, type MisdirectedMailFacts } from '../../../src/domain/policy/data-leak';

// 2026-04-10 12:00 JST
const reportedAt = new Date('2026-04-10T03:00:00Z');

function facts(over: Partial<MisdirectedMailFacts>): MisdirectedMailFacts {
  return {
    recipientScope: 'external',
    classification: 'I',
    personalInfo: true,
    affectedPersons: 1,
    sensitivePersonalInfo: false,
    propertyDamageRisk: false,
    wrongfulPurpose: false,
    attachment: 'encrypted',
    deletionRequested: true,
    ...over,
  };
}

describe('assessMisdirectedMail: reportable cases (個人情報保護法68条, 施行規則43条)', () => {
  it.each([
    ['1 person, nothing else', {}, false, []],
    ['100 persons', { affectedPersons: 100 }, false, []],
    ['101 persons', { affectedPersons: 101 }, true, ['over_100_persons']],
    ['sensitive', { sensitivePersonalInfo: true }, true, ['sensitive']],
    ['property damage', { propertyDamageRisk: true }, true, ['property_damage']],
    ['wrongful purpose', { wrongfulPurpose: true }, true, ['wrongful_purpose']],
    [
      'everything',
      { affectedPersons: 500, sensitivePersonalInfo: true, propertyDamageRisk: true, wrongfulPurpose: true },
      true,
      ['sensitive', 'property_damage', 'wrongful_purpose', 'over_100_persons'],
    ],
  ] as const)('%s → must report %s', (_name, over, mustReport, codes) => {
    const r = assessMisdirectedMail(facts(over), reportedAt);
    expect(r.possibleLeak).toBe(true);
    expect(r.notifyChief).toBe(true);
    expect(r.mustReportToCommission).toBe(mustReport);
    expect(r.notifyPersons).toBe(mustReport);
    expect(r.reasons.map((x) => x.code)).toEqual(codes);
    expect(r.deadlines === null).toBe(!mustReport);
    if (mustReport) expect(r.articles).toContain('個人情報保護法68条1項');
    else expect(r.articles).not.toContain('個人情報保護法68条1項');
  });

  it('without personal information nothing is a leak, whatever the other answers', () => {
    const r = assessMisdirectedMail(
      facts({
        personalInfo: false,
        affectedPersons: 1000,
        sensitivePersonalInfo: true,
        wrongfulPurpose: true,
      }),
      reportedAt,
    );
    expect(r).toMatchObject({
      possibleLeak: false,
      mustReportToCommission: false,
      notifyPersons: false,
      notifyChief: false,
      deadlines: null,
      reasons: [],
    });
  });
});

describe('assessMisdirectedMail: deadlines (施行規則44条)', () => {
  it('preliminary: end of day +5 (JST); final: end of day +30', () => {
    const r = assessMisdirectedMail(facts({ sensitivePersonalInfo: true }), reportedAt);
    // 2026-04-15 23:59:59.999 JST
    expect(r.deadlines?.preliminary.toISOString()).toBe('2026-04-15T14:59:59.999Z');
    // 2026-05-10 23:59:59.999 JST
    expect(r.deadlines?.final.toISOString()).toBe('2026-05-10T14:59:59.999Z');
  });

  it('final is +60 days when the leak may be for a wrongful purpose', () => {
    const r = assessMisdirectedMail(facts({ wrongfulPurpose: true }), reportedAt);
    // 2026-06-09 23:59:59.999 JST
    expect(r.deadlines?.final.toISOString()).toBe('2026-06-09T14:59:59.999Z');
  });

  it('counts days in Japan time: 23:30 JST on the 10th is still the 10th', () => {
    const lateEvening = new Date('2026-04-10T14:30:00Z'); // 23:30 JST
    const r = assessMisdirectedMail(facts({ affectedPersons: 101 }), lateEvening);
    expect(r.deadlines?.preliminary.toISOString()).toBe('2026-04-15T14:59:59.999Z');
    const afterMidnight = new Date('2026-04-10T15:30:00Z'); // 00:30 JST on the 11th
    const r2 = assessMisdirectedMail(facts({ affectedPersons: 101 }), afterMidnight);
    expect(r2.deadlines?.preliminary.toISOString()).toBe('2026-04-16T14:59:59.999Z');
  });
});

describe('assessMisdirectedMail: severity', () => {
  it.each([
    ['personal, external', { personalInfo: true, recipientScope: 'external' }, 'critical', 15],
    ['personal, internal', { personalInfo: true, recipientScope: 'internal' }, 'high', 30],
    [
      'class II, external, no personal',
      { personalInfo: false, classification: 'II', recipientScope: 'external' },
      'high',
      30,
    ],
    [
      'class II, internal, no personal',
      { personalInfo: false, classification: 'II', recipientScope: 'internal' },
      'normal',
      120,
    ],
    [
      'class III, external, no personal',
      { personalInfo: false, classification: 'III', recipientScope: 'external' },
      'normal',
      120,
    ],
  ] as const)('%s → %s', (_n, over, severity, minutes) => {
    const r = assessMisdirectedMail(facts(over), reportedAt);
    expect(r.severity).toBe(severity);
    expect(r.ackMinutes).toBe(minutes);
  });
});

describe('assessMisdirectedMail: notes', () => {
  it('asks for deletion when not yet requested, as 運用ルール (8(3)①キ is only about checking the address)', () => {
    const notes = assessMisdirectedMail(facts({ deletionRequested: false }), reportedAt).notes;
    const ask = notes.find((n) => t('ja', n.text).includes('削除を依頼'));
    expect(ask?.article).toBe('operating_rule');
    expect(notes.map((n) => n.article)).not.toContain('8(3)①キ');
    expect(
      assessMisdirectedMail(facts({ deletionRequested: true }), reportedAt).notes.some((n) =>
        t('ja', n.text).includes('削除を依頼'),
      ),
    ).toBe(false);
  });

  it('flags an unencrypted class I/II attachment (8(3)①オ)', () => {
    const r = assessMisdirectedMail(facts({ attachment: 'not_encrypted', classification: 'II' }), reportedAt);
    expect(r.notes.map((n) => n.article)).toContain('8(3)①オ');
    const r2 = assessMisdirectedMail(
      facts({ attachment: 'not_encrypted', classification: 'III' }),
      reportedAt,
    );
    expect(r2.notes.map((n) => n.article)).not.toContain('8(3)①オ');
  });

  it('cites 8(3)①ク, not 8(3)①オ (a take-out), for an unencrypted attachment sent inside the organisation', () => {
    const r = assessMisdirectedMail(
      facts({ attachment: 'not_encrypted', classification: 'II', recipientScope: 'internal' }),
      reportedAt,
    );
    expect(r.notes.map((n) => n.article)).toContain('8(3)①ク');
    expect(r.notes.map((n) => n.article)).not.toContain('8(3)①オ');
  });

  it('an internal recipient leaves the leak judgement to the officers', () => {
    const r = assessMisdirectedMail(facts({ recipientScope: 'internal' }), reportedAt);
    expect(r.notes.some((n) => t('ja', n.text).includes('組合内'))).toBe(true);
  });
});
