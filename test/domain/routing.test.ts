import { t } from '../../src/i18n';
import { describe, expect, it } from 'vitest';
import type { Directory, Person, Section } from '../../src/domain/directory';
import { OPERATING_RULE } from '../../src/domain/articles';
import { escalationChain, routeCase, type CaseRoute } from '../../src/domain/routing';

function person(id: string, sectionCode: string, flags: Partial<Person> = {}): Person {
  return {
    id,
    aadObjectId: `00000000-0000-0000-0000-${id.padStart(12, '0')}`,
    upn: `${id}@example.lg.jp`,
    name: id,
    kana: 'テスト',
    sectionCode,
    title: '',
    phone: '',
    mobile: '',
    isChiefOfficer: false,
    isItAdmin: false,
    ...flags,
  };
}

function section(code: string, s: Partial<Section>): Section {
  return { code, name: code, parentCode: null, officerId: null, deputyId: null, superiorId: null, ...s };
}

// 100 総務部 (officer: bucho, chief officer)
//   110 総務課: officer kacho, deputy hosa, superior bucho
//   120 施設課: officer shisetsu, no deputy, superior bucho
//   130 情報課: officer johoKacho (also IT admin), deputy itAdmin2, no superior → parent officer
//   140 空き課: no officer, deputy sub140, superior bucho
//   150: officer 'ghost' is not in the directory, deputy ghostDeputy
const dir: Directory = {
  sections: [
    section('100', { officerId: 'bucho', superiorId: null }),
    section('110', { parentCode: '100', officerId: 'kacho', deputyId: 'hosa', superiorId: 'bucho' }),
    section('120', { parentCode: '100', officerId: 'shisetsu', superiorId: 'bucho' }),
    section('130', { parentCode: '100', officerId: 'johoKacho', deputyId: 'itAdmin2' }),
    section('140', { parentCode: '100', deputyId: 'sub140', superiorId: 'bucho' }),
    section('150', { parentCode: '100', officerId: 'ghost', deputyId: 'ghostDeputy', superiorId: 'bucho' }),
  ],
  people: [
    person('bucho', '100', { isChiefOfficer: true }),
    person('kacho', '110'),
    person('hosa', '110'),
    person('staff1', '110'),
    person('shisetsu', '120'),
    person('staff2', '120'),
    person('johoKacho', '130', { isItAdmin: true }),
    person('itAdmin2', '130', { isItAdmin: true }),
    person('staff3', '130'),
    person('sub140', '140'),
    person('staff4', '140'),
    person('staff5', '150'),
    person('ghostDeputy', '150'),
    person('lost', '999'),
  ],
};

function route(reporter: string, kind: Parameters<typeof routeCase>[2], extras = {}): CaseRoute {
  const r = routeCase(dir, reporter, kind, extras);
  if (!r.ok) throw new Error(`expected a route, got ${r.error}`);
  return r;
}

describe('routeCase: assignee', () => {
  it.each([
    ['normal member → section officer', 'staff1', 'takeout', 'kacho', 'section_officer'],
    ['deputy → section officer', 'hosa', 'takeout', 'kacho', 'section_officer'],
    ['officer in own section → superior', 'kacho', 'takeout', 'bucho', 'superior'],
    [
      'officer without superior → parent section officer',
      'johoKacho',
      'software_install',
      'bucho',
      'parent_officer',
    ],
    ['section without officer → deputy', 'staff4', 'takeout', 'sub140', 'deputy'],
    ['deputy of a section without officer → superior', 'sub140', 'takeout', 'bucho', 'superior'],
    ['officer missing from the directory → deputy', 'staff5', 'virus', 'ghostDeputy', 'deputy'],
    [
      '統括 reporting in own section, no superior, parent, other chief nor deputy → an IT管理者 (運用ルール)',
      'bucho',
      'takeout',
      'itAdmin2',
      'it_admin',
    ],
  ] as const)('%s', (_name, reporter, kind, assignee, role) => {
    expect(routeCase(dir, reporter, kind)).toMatchObject({ ok: true, assignee, assigneeRole: role });
  });

  describe('when the standard names nobody but the reporter (運用ルール)', () => {
    // The top: 統括 is the officer of a top-level section without superior or other 統括.
    const top = (extra: Partial<Section> = {}, people: Person[] = []): Directory => ({
      sections: [section('100', { officerId: 'top', ...extra }), section('110', { parentCode: '100' })],
      people: [person('top', '100', { isChiefOfficer: true }), ...people],
    });

    it('goes to the deputy of the section, labelled as the organisation’s rule, not an article', () => {
      const d = top({ deputyId: 'jicho' }, [
        person('jicho', '100'),
        person('it', '110', { isItAdmin: true }),
      ]);
      for (const kind of ['virus', 'takeout', 'exception'] as const) {
        const r = routeCase(d, 'top', kind);
        expect(r).toMatchObject({ ok: true, assignee: 'jicho', assigneeRole: 'deputy' });
        if (r.ok) expect(r.assigneeReason.article).toBe(OPERATING_RULE);
      }
    });

    it('without a deputy, to an IT管理者; without one, to anyone holding a role', () => {
      const withAdmin = top({}, [person('it', '110', { isItAdmin: true })]);
      expect(routeCase(withAdmin, 'top', 'virus')).toMatchObject({
        assignee: 'it',
        assigneeRole: 'it_admin',
      });
      const withOfficer: Directory = {
        sections: [
          section('100', { officerId: 'top' }),
          section('110', { parentCode: '100', officerId: 'kacho' }),
        ],
        people: [person('top', '100', { isChiefOfficer: true }), person('kacho', '110')],
      };
      const r = routeCase(withOfficer, 'top', 'takeout');
      expect(r).toMatchObject({ ok: true, assignee: 'kacho', assigneeRole: 'role_holder' });
      if (r.ok) expect(r.assigneeReason.article).toBe(OPERATING_RULE);
    });

    it('is "not found" only when nobody but the reporter holds a role', () => {
      const alone = top({}, [person('staff', '110')]);
      expect(routeCase(alone, 'top', 'virus')).toMatchObject({ ok: false, error: 'no_assignee' });
    });

    it('never gives a person their own case, whatever roles they hold', () => {
      const d = top({ deputyId: 'top' }, [person('it', '110', { isItAdmin: true })]);
      expect(routeCase(d, 'top', 'lost_ic_card')).toMatchObject({ ok: true, assignee: 'it' });
    });
  });

  it('an exception filed by the section officer goes straight to 統括', () => {
    expect(route('kacho', 'exception')).toMatchObject({ assignee: 'bucho', assigneeRole: 'chief_officer' });
    // …but filed by staff it goes to the officer for endorsement, 統括 notified as approver.
    const r = route('staff1', 'exception');
    expect(r.assignee).toBe('kacho');
    expect(r.notify).toEqual([expect.objectContaining({ personId: 'bucho', roles: ['chief_officer'] })]);
    expect(r.notify[0]?.reasons[0]?.article).toBe('12(6)①');
  });

  it('an urgent exception tells 統括 as an after-the-fact report (12(6)②)', () => {
    const r = route('staff1', 'exception', { urgent: true });
    expect(r.notify[0]?.reasons.map((x) => x.article)).toEqual(['12(6)②']);
  });

  it('returns typed errors for an unknown reporter or section', () => {
    expect(routeCase(dir, 'nobody', 'virus')).toMatchObject({ ok: false, error: 'unknown_reporter' });
    const r = routeCase(dir, 'lost', 'virus');
    expect(r).toMatchObject({ ok: false, error: 'unknown_section' });
    if (!r.ok) expect(t('ja', r.message)).toMatch(/緊急連絡網/);
  });

  it('is found with a second chief officer when the only one reports', () => {
    const d2: Directory = {
      ...dir,
      people: [...dir.people, person('fuku', '100', { isChiefOfficer: true })],
    };
    expect(routeCase(d2, 'bucho', 'takeout')).toMatchObject({
      ok: true,
      assignee: 'fuku',
      assigneeRole: 'chief_officer',
    });
  });
});

describe('routeCase: notify', () => {
  const ids = (r: CaseRoute) => r.notify.map((n) => n.personId);

  it.each([
    ['lost_ic_card', []],
    ['takeout', []],
    ['virus', ['itAdmin2', 'johoKacho', 'bucho']],
    ['password_leak', ['itAdmin2', 'johoKacho']],
    ['device_lost', ['itAdmin2', 'johoKacho']],
    ['system_failure', ['bucho', 'itAdmin2', 'johoKacho']],
  ] as const)('staff reporting %s notifies %j', (kind, expected) => {
    expect(ids(route('staff1', kind))).toEqual(expected);
  });

  it('virus cites 10(6)② for IT管理者 and 12(4)④ for 統括', () => {
    const r = route('staff1', 'virus');
    expect(r.notify.find((n) => n.personId === 'johoKacho')?.reasons.map((x) => x.article)).toEqual([
      '10(6)②',
    ]);
    expect(r.notify.find((n) => n.personId === 'bucho')?.reasons.map((x) => x.article)).toEqual(['12(4)④']);
  });

  it('misdirected mail with a possible leak notifies 統括 (12(5)②イ)', () => {
    expect(ids(route('staff1', 'misdirected_mail'))).toEqual([]);
    const r = route('staff1', 'misdirected_mail', { possibleLeak: true });
    expect(r.notify).toEqual([
      expect.objectContaining({
        personId: 'bucho',
        reasons: [expect.objectContaining({ article: '12(5)②イ' })],
      }),
    ]);
  });

  it('system failure adds officers of affected sections, skipping unknown and duplicates', () => {
    const r = route('staff1', 'system_failure', { affectedSectionCodes: ['120', '130', '999', '110'] });
    // 110's officer is the assignee; 130's officer is already an IT admin (one entry, two roles).
    expect(ids(r)).toEqual(['bucho', 'itAdmin2', 'johoKacho', 'shisetsu']);
    expect(r.notify.find((n) => n.personId === 'johoKacho')?.roles).toEqual(['it_admin', 'affected_officer']);
  });

  it('never notifies the reporter or the assignee', () => {
    const r = route('johoKacho', 'virus'); // reporter is an IT admin; assignee is 統括's section officer
    expect(r.assignee).toBe('bucho');
    expect(ids(r)).toEqual(['itAdmin2']);
    const r2 = route('staff3', 'virus'); // assignee johoKacho is also IT admin
    expect(r2.assignee).toBe('johoKacho');
    expect(ids(r2)).toEqual(['itAdmin2', 'bucho']);
  });

  it('a person holding two notified roles gets one entry with both reasons', () => {
    const d2: Directory = {
      ...dir,
      people: dir.people.map((p) => (p.id === 'bucho' ? { ...p, isItAdmin: true } : p)),
    };
    const r = routeCase(d2, 'staff1', 'virus');
    if (!r.ok) throw new Error('expected a route');
    const bucho = r.notify.find((n) => n.personId === 'bucho');
    expect(bucho?.roles).toEqual(['it_admin', 'chief_officer']);
    expect(bucho?.reasons.map((x) => x.article)).toEqual(['10(6)②', '12(4)④']);
    expect(r.notify.filter((n) => n.personId === 'bucho')).toHaveLength(1);
  });
});

describe('escalationChain', () => {
  const chain = (code: string, assignee: string, exclude?: string[]) => {
    const r = escalationChain(dir, code, assignee, exclude ? { exclude } : {});
    if (!r.ok) throw new Error(r.error);
    return r.steps.map((s) => [s.to, s.role]);
  };

  it('deputy, superior, then 統括 and IT管理者', () => {
    expect(chain('110', 'kacho')).toEqual([
      ['hosa', 'deputy'],
      ['bucho', 'superior'],
      ['itAdmin2', 'it_admin'],
      ['johoKacho', 'it_admin'],
    ]);
  });

  it('section with no deputy skips to the superior', () => {
    expect(chain('120', 'shisetsu')).toEqual([
      ['bucho', 'superior'],
      ['itAdmin2', 'it_admin'],
      ['johoKacho', 'it_admin'],
    ]);
  });

  it('de-duplicates (superior is also 統括) and never includes the assignee', () => {
    const steps = chain('130', 'johoKacho');
    expect(steps).toEqual([
      ['itAdmin2', 'deputy'],
      ['bucho', 'chief_officer'],
    ]);
    const all = steps.map(([id]) => id);
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain('johoKacho');
  });

  it('skips a deputy who is the assignee or missing from the directory', () => {
    expect(chain('140', 'sub140').map(([id]) => id)).toEqual(['bucho', 'itAdmin2', 'johoKacho']);
    expect(chain('150', 'bucho').map(([id]) => id)).toEqual(['ghostDeputy', 'itAdmin2', 'johoKacho']);
  });

  it("skips the deputy on the officer's own case and never includes excluded people", () => {
    // kacho reported; the superior bucho is the assignee. The deputy acts for kacho, so not them.
    expect(chain('110', 'bucho', ['kacho'])).toEqual([
      ['itAdmin2', 'it_admin'],
      ['johoKacho', 'it_admin'],
    ]);
    expect(chain('110', 'kacho', ['itAdmin2']).map(([id]) => id)).toEqual(['hosa', 'bucho', 'johoKacho']);
  });

  it('unknown section → typed error', () => {
    expect(escalationChain(dir, '999', 'kacho')).toMatchObject({ ok: false, error: 'unknown_section' });
  });
});
