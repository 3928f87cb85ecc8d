import { describe, expect, it } from 'vitest';
import {
  BROADCAST_PURPOSE_IDS,
  BROADCAST_PURPOSES,
  audienceSections,
  maySendBroadcast,
  milestones,
  resolveAudience,
  resultsScope,
  rollup,
  type Audience,
  type BroadcastPurpose,
} from '../../src/domain/broadcast';
import { demoDirectory } from '../helpers/demo-directory';

const dir = demoDirectory();
const EVERYONE: Audience = { kind: 'everyone', officersOnly: false };
const OFFICERS: Audience = { kind: 'everyone', officersOnly: true };
const SOUMU: Audience = {
  kind: 'sections',
  sectionCodes: ['210'],
  includeSubsections: false,
  officersOnly: false,
};
const SOUMU_BU_TREE: Audience = {
  kind: 'sections',
  sectionCodes: ['200'],
  includeSubsections: true,
  officersOnly: false,
};
const KEIRI: Audience = {
  kind: 'sections',
  sectionCodes: ['220'],
  includeSubsections: false,
  officersOnly: false,
};

// Demo people: E1006 IT管理者, E1005 統括 (and officer of 100, superior), E1002 officer of 210,
// E1004 officer of 200 (parent of 210/220/230), E1003 deputy of 210, E1001 staff of 210.
const PEOPLE = {
  it_admin: 'E1006',
  chief: 'E1005',
  officer210: 'E1002',
  officer200: 'E1004',
  deputy210: 'E1003',
  staff: 'E1001',
  unknown: 'E9999',
} as const;

describe('audience', () => {
  it('everyone covers every section; sections with sub-sections follow the hierarchy', () => {
    expect(audienceSections(dir, EVERYONE)).toEqual(dir.sections.map((s) => s.code));
    expect(audienceSections(dir, SOUMU_BU_TREE).sort()).toEqual(['200', '210', '220', '230']);
    expect(audienceSections(dir, { ...SOUMU_BU_TREE, includeSubsections: false })).toEqual(['200']);
  });

  it('resolves each person once, by section; officers only are the section officers', () => {
    const all = resolveAudience(dir, EVERYONE);
    expect(all).toHaveLength(dir.people.length);
    expect(new Set(all.map((t) => t.personId)).size).toBe(dir.people.length);
    const soumu = resolveAudience(dir, SOUMU).map((t) => t.personId);
    expect(soumu.sort()).toEqual(
      dir.people
        .filter((p) => p.sectionCode === '210')
        .map((p) => p.id)
        .sort(),
    );
    const officers = resolveAudience(dir, OFFICERS)
      .map((t) => t.personId)
      .sort();
    expect(officers).toEqual(
      [...new Set(dir.sections.map((s) => s.officerId).filter((x): x is string => !!x))].sort(),
    );
    expect(officers).not.toContain(PEOPLE.staff);
  });
});

describe('who may send (matrix)', () => {
  const AUDIENCES = {
    everyone: EVERYONE,
    officers: OFFICERS,
    own210: SOUMU,
    other220: KEIRI,
    tree200: SOUMU_BU_TREE,
  };
  type Who = keyof typeof PEOPLE;
  // The expected outcome per purpose × person × audience, for drills (mode does not change who may send).
  const expected: Record<BroadcastPurpose, Record<Who, Array<keyof typeof AUDIENCES>>> = {
    contact_tree: {
      it_admin: ['everyone', 'officers', 'own210', 'other220', 'tree200'],
      chief: [],
      officer210: [],
      officer200: [],
      deputy210: [],
      staff: [],
      unknown: [],
    },
    cyber_emergency: {
      it_admin: ['everyone'],
      chief: ['everyone'],
      officer210: [],
      officer200: [],
      deputy210: [],
      staff: [],
      unknown: [],
    },
    officer_alert: {
      it_admin: ['officers'],
      chief: ['officers'],
      officer210: [],
      officer200: [],
      deputy210: [],
      staff: [],
      unknown: [],
    },
    // 14(3): 統括 asks the other officers for the same improvement.
    improvement: {
      it_admin: [],
      chief: ['officers'],
      officer210: [],
      officer200: [],
      deputy210: [],
      staff: [],
      unknown: [],
    },
    revision_officers: {
      it_admin: [],
      chief: ['officers'],
      officer210: [],
      officer200: [],
      deputy210: [],
      staff: [],
      unknown: [],
    },
    // 統括 (E1005) is also the officer of 事務局 (100): their own staff only — 100 is none of these.
    revision_staff: {
      it_admin: [],
      chief: [],
      officer210: ['own210'],
      officer200: [],
      deputy210: [],
      staff: [],
      unknown: [],
    },
    recurrence: {
      it_admin: [],
      chief: [],
      officer210: ['own210'],
      officer200: [],
      deputy210: [],
      staff: [],
      unknown: [],
    },
    awareness: {
      it_admin: [],
      chief: [],
      officer210: ['own210'],
      officer200: [],
      deputy210: [],
      staff: [],
      unknown: [],
    },
    general: {
      it_admin: ['everyone', 'officers', 'own210', 'other220', 'tree200'],
      chief: ['everyone', 'officers', 'own210', 'other220', 'tree200'],
      officer210: ['own210'],
      officer200: [],
      deputy210: [],
      staff: [],
      unknown: [],
    },
  };

  for (const purpose of BROADCAST_PURPOSE_IDS)
    for (const who of Object.keys(PEOPLE) as Who[])
      it(`${purpose} × ${who}`, () => {
        const allowed = (Object.keys(AUDIENCES) as Array<keyof typeof AUDIENCES>).filter(
          (a) =>
            maySendBroadcast(dir, PEOPLE[who], {
              purpose,
              audience: AUDIENCES[a],
              mode: 'drill',
              instructedBy: null,
            }).ok,
        );
        expect(allowed).toEqual(expected[purpose][who]);
      });

  it('a section officer may not reach sub-sections of other officers, nor a neighbour section', () => {
    const r = maySendBroadcast(dir, PEOPLE.officer200, {
      purpose: 'awareness',
      audience: SOUMU_BU_TREE,
      mode: 'real',
      instructedBy: null,
    });
    expect(r).toEqual({ ok: false, reason: 'not_own_section' });
    const own = maySendBroadcast(dir, PEOPLE.officer200, {
      purpose: 'awareness',
      audience: { ...SOUMU_BU_TREE, includeSubsections: false },
      mode: 'real',
      instructedBy: null,
    });
    expect(own).toEqual({ ok: true, as: 'section_officer' });
    expect(
      maySendBroadcast(dir, PEOPLE.officer210, {
        purpose: 'awareness',
        audience: KEIRI,
        mode: 'real',
        instructedBy: null,
      }),
    ).toEqual({
      ok: false,
      reason: 'not_own_section',
    });
  });

  it('a real broadcast to all staff names 統括 as the instructor (12(5)②エ), unless 統括 sends it', () => {
    const b = { purpose: 'cyber_emergency' as const, audience: EVERYONE, mode: 'real' as const };
    expect(maySendBroadcast(dir, PEOPLE.it_admin, { ...b, instructedBy: null })).toEqual({
      ok: false,
      reason: 'instruction_required',
    });
    expect(maySendBroadcast(dir, PEOPLE.it_admin, { ...b, instructedBy: PEOPLE.officer210 })).toEqual({
      ok: false,
      reason: 'instructor_not_chief',
    });
    expect(maySendBroadcast(dir, PEOPLE.it_admin, { ...b, instructedBy: PEOPLE.chief })).toEqual({
      ok: true,
      as: 'it_admin',
    });
    expect(maySendBroadcast(dir, PEOPLE.chief, { ...b, instructedBy: null })).toEqual({
      ok: true,
      as: 'chief_officer',
    });
    // A drill needs no instruction.
    expect(maySendBroadcast(dir, PEOPLE.it_admin, { ...b, mode: 'drill', instructedBy: null }).ok).toBe(true);
  });

  it('every purpose cites an article of the table or 運用ルール', () => {
    expect(BROADCAST_PURPOSES.cyber_emergency.cites).toBe('12(5)②エ');
    expect(BROADCAST_PURPOSES.officer_alert.cites).toBe('12(4)⑤');
    expect(BROADCAST_PURPOSES.general.cites).toBe('operating_rule');
  });
});

describe('who may read results', () => {
  it('sender, 統括 and IT管理者 all; an officer their own sections; staff and deputies nothing', () => {
    const b = { createdBy: PEOPLE.it_admin };
    expect(resultsScope(dir, PEOPLE.it_admin, b)).toEqual({ kind: 'all' });
    expect(resultsScope(dir, PEOPLE.chief, b)).toEqual({ kind: 'all' });
    expect(resultsScope(dir, PEOPLE.officer210, b)).toEqual({ kind: 'sections', sectionCodes: ['210'] });
    expect(resultsScope(dir, PEOPLE.deputy210, b)).toEqual({ kind: 'none' });
    expect(resultsScope(dir, PEOPLE.staff, b)).toEqual({ kind: 'none' });
    expect(resultsScope(dir, PEOPLE.unknown, b)).toEqual({ kind: 'none' });
    expect(resultsScope(dir, PEOPLE.officer210, { createdBy: PEOPLE.officer210 })).toEqual({ kind: 'all' });
  });
});

describe('roll-up', () => {
  const sent = '2026-12-01T00:00:00.000Z';
  const at = (min: number) => new Date(Date.parse(sent) + min * 60_000).toISOString();

  it('time to 50 / 75 / 100 % is the minute of the k-th answer over the targeted', () => {
    expect(milestones(sent, [at(3), at(1), at(10), at(5)], 4)).toEqual({ p50: 3, p75: 5, p100: 10 });
    expect(milestones(sent, [at(1)], 4)).toEqual({ p50: null, p75: null, p100: null });
    expect(milestones(sent, [at(1), at(2), at(7)], 4)).toEqual({ p50: 2, p75: 7, p100: null });
    expect(milestones(null, [at(1)], 1)).toEqual({ p50: null, p75: null, p100: null });
  });

  it('counts per section and in total, answers by their latest key', () => {
    const r = rollup(
      [
        {
          personId: 'a',
          sectionCode: '210',
          delivery: 'delivered',
          firstAnsweredAt: at(1),
          latestAnswer: 'choice:1',
        },
        {
          personId: 'b',
          sectionCode: '210',
          delivery: 'delivered',
          firstAnsweredAt: null,
          latestAnswer: null,
        },
        { personId: 'c', sectionCode: '220', delivery: 'failed', firstAnsweredAt: null, latestAnswer: null },
        {
          personId: 'd',
          sectionCode: '220',
          delivery: 'unreachable',
          firstAnsweredAt: null,
          latestAnswer: null,
        },
        {
          personId: 'e',
          sectionCode: '100',
          delivery: 'delivered',
          firstAnsweredAt: at(4),
          latestAnswer: 'choice:0',
        },
      ],
      sent,
      ['100', '210', '220'],
    );
    expect(r.total).toMatchObject({ targeted: 5, delivered: 3, failed: 1, unreachable: 1, answered: 2 });
    expect(r.sections.map((s) => [s.sectionCode, s.targeted, s.answered])).toEqual([
      ['100', 1, 1],
      ['210', 2, 1],
      ['220', 2, 0],
    ]);
    expect(r.sections[1]?.milestones).toEqual({ p50: 1, p75: null, p100: null });
    expect(r.answers).toEqual({ 'choice:1': 1, 'choice:0': 1 });
  });
});
