import { t } from '../../../src/i18n';
import { describe, expect, it } from 'vitest';
import {
  evaluateTakeout,
  type TakeoutDecision,
  type TakeoutFacts,
  type TakeoutItemKind,
  type TakeoutProtection,
} from '../../../src/domain/policy/takeout';
import type { DataClass } from '../../../src/domain/policy/classification';

// Every class × item kind × protection, with the expected decision written out (not derived).
const TABLE: Array<[TakeoutItemKind, DataClass, TakeoutProtection, TakeoutDecision]> = [
  ['data', 'I', 'encryption', 'needs_approval'],
  ['data', 'I', 'password', 'needs_approval'],
  ['data', 'I', 'none', 'refused'],
  ['data', 'II', 'encryption', 'needs_approval'],
  ['data', 'II', 'password', 'needs_approval'],
  ['data', 'II', 'none', 'refused'],
  ['data', 'III', 'encryption', 'no_approval_needed'],
  ['data', 'III', 'password', 'no_approval_needed'],
  ['data', 'III', 'none', 'no_approval_needed'],
  ['data', 'IV', 'encryption', 'no_approval_needed'],
  ['data', 'IV', 'password', 'no_approval_needed'],
  ['data', 'IV', 'none', 'no_approval_needed'],
  ['terminal', 'I', 'encryption', 'needs_approval'],
  ['terminal', 'I', 'password', 'needs_approval'],
  ['terminal', 'I', 'none', 'refused'],
  ['terminal', 'II', 'encryption', 'needs_approval'],
  ['terminal', 'II', 'password', 'needs_approval'],
  ['terminal', 'II', 'none', 'refused'],
  ['terminal', 'III', 'encryption', 'needs_approval'],
  ['terminal', 'III', 'password', 'needs_approval'],
  ['terminal', 'III', 'none', 'needs_approval'],
  ['terminal', 'IV', 'encryption', 'needs_approval'],
  ['terminal', 'IV', 'password', 'needs_approval'],
  ['terminal', 'IV', 'none', 'needs_approval'],
  ['medium', 'I', 'encryption', 'needs_approval'],
  ['medium', 'I', 'password', 'needs_approval'],
  ['medium', 'I', 'none', 'refused'],
  ['medium', 'II', 'encryption', 'needs_approval'],
  ['medium', 'II', 'password', 'needs_approval'],
  ['medium', 'II', 'none', 'refused'],
  ['medium', 'III', 'encryption', 'needs_approval'],
  ['medium', 'III', 'password', 'needs_approval'],
  ['medium', 'III', 'none', 'needs_approval'],
  ['medium', 'IV', 'encryption', 'needs_approval'],
  ['medium', 'IV', 'password', 'needs_approval'],
  ['medium', 'IV', 'none', 'needs_approval'],
];

function facts(over: Partial<TakeoutFacts>): TakeoutFacts {
  return {
    itemKind: 'data',
    classification: 'IV',
    protection: 'none',
    mobileTerminal: false,
    remoteWipeEnabled: false,
    ...over,
  };
}

describe('evaluateTakeout: class table × item kind × protection', () => {
  it.each(TABLE)('%s / class %s / %s → %s', (itemKind, classification, protection, decision) => {
    const r = evaluateTakeout(facts({ itemKind, classification, protection }));
    expect(r.decision).toBe(decision);
    const mandatory = classification === 'I' || classification === 'II';
    expect(r.requiredProtection).toBe(mandatory ? 'mandatory' : 'as_needed');
    if (decision === 'refused') {
      expect(r.violations.map((v) => v.article)).toEqual(['8(3)①オ']);
      expect(t('ja', r.violations[0]?.message)).toMatch(/暗号化又はパスワード設定/);
    } else {
      expect(r.violations).toEqual([]);
    }
    expect(r.ledger).toBe(itemKind === 'data' ? 'case_record' : 'takeout_ledger');
    if (itemKind !== 'data') expect(r.articles).toEqual(expect.arrayContaining(['10(4)①', '10(4)⑥']));
  });
});

describe('evaluateTakeout: mobile terminals (10(4)③)', () => {
  it.each([
    // itemKind, mobile, wipe, decision, violation articles
    ['terminal', true, false, 'refused', ['10(4)③']],
    ['terminal', true, true, 'needs_approval', []],
    ['terminal', false, false, 'needs_approval', []],
    // The toggles mean nothing for data or media.
    ['medium', true, false, 'needs_approval', []],
    ['data', true, false, 'no_approval_needed', []],
  ] as const)('%s mobile=%s wipe=%s → %s', (itemKind, mobileTerminal, remoteWipeEnabled, decision, arts) => {
    const r = evaluateTakeout(
      facts({ itemKind, classification: 'III', protection: 'encryption', mobileTerminal, remoteWipeEnabled }),
    );
    expect(r.decision).toBe(decision);
    expect(r.violations.map((v) => v.article)).toEqual(arts);
  });

  it('reports both violations when both rules are broken', () => {
    const r = evaluateTakeout(
      facts({ itemKind: 'terminal', classification: 'I', protection: 'none', mobileTerminal: true }),
    );
    expect(r.decision).toBe('refused');
    expect(r.violations.map((v) => v.article)).toEqual(['8(3)①オ', '10(4)③']);
  });
});

describe('evaluateTakeout: notes', () => {
  it('class I notes that copying also needs permission (8(3)①エ)', () => {
    const r = evaluateTakeout(facts({ classification: 'I', protection: 'encryption' }));
    expect(r.notes.map((n) => n.article)).toContain('8(3)①エ');
  });

  it('class III data without protection is allowed but advised (8(3)①カ) and recorded (運用ルール)', () => {
    const r = evaluateTakeout(facts({ classification: 'III', protection: 'none' }));
    expect(r.decision).toBe('no_approval_needed');
    expect(r.permission).toEqual([]);
    expect(r.notes.map((n) => n.article)).toEqual(['8(3)①カ', '8(3)①カ', 'operating_rule']);
    expect(t('ja', r.notes[2]?.message)).toMatch(/記録/);
  });

  it('class II data with encryption has no 8(3)①エ note', () => {
    const r = evaluateTakeout(facts({ classification: 'II', protection: 'password' }));
    expect(r.notes).toEqual([]);
  });
});

describe('evaluateTakeout: within the same building (10(4)①ただし書)', () => {
  it.each(['terminal', 'medium'] as const)(
    'a %s carried within the building needs no permission and cites the ただし書',
    (itemKind) => {
      const r = evaluateTakeout(
        facts({ itemKind, classification: 'II', protection: 'encryption', sameBuilding: true }),
      );
      expect(r.decision).toBe('no_approval_needed');
      expect(r.permission).toEqual([]);
      expect(r.noPermissionBasis).toEqual(['10(4)①ただし書', '10(4)⑥']);
      expect(r.notes.map((n) => n.article)).toEqual(['10(4)①ただし書', '10(4)①', '10(4)⑥']);
      // Still recorded (10(4)⑥) and locked while carried (10(4)①).
      expect(r.ledger).toBe('takeout_ledger');
    },
  );

  it('the same answer does nothing for data, which 10(4)① does not cover', () => {
    const r = evaluateTakeout(
      facts({ itemKind: 'data', classification: 'II', protection: 'encryption', sameBuilding: true }),
    );
    expect(r.decision).toBe('needs_approval');
    expect(r.permission).toEqual(['8(3)①オ']);
  });

  it('is not a take-out out of the office: no 8(3)①オ refusal, a 8(3)①ク note instead; no 10(4)③ refusal', () => {
    const r = evaluateTakeout(
      facts({
        itemKind: 'terminal',
        classification: 'I',
        protection: 'none',
        mobileTerminal: true,
        sameBuilding: true,
      }),
    );
    expect(r.decision).toBe('no_approval_needed');
    expect(r.violations).toEqual([]);
    expect(r.notes.map((n) => n.article)).toContain('8(3)①ク');
  });

  it('outside the building a terminal needs permission under 10(4)①, and class I/II data under 8(3)①エオ too', () => {
    expect(evaluateTakeout(facts({ itemKind: 'terminal', classification: 'III' })).permission).toEqual([
      '10(4)①',
    ]);
    expect(
      evaluateTakeout(facts({ itemKind: 'terminal', classification: 'I', protection: 'encryption' }))
        .permission,
    ).toEqual(['8(3)①エ', '8(3)①オ', '10(4)①']);
  });
});
