import { t } from '../../src/i18n';
// Each citation that a check against the standard found wrong or stretched, with the article it now
// cites (or 運用ルール). The standard's wording is in src/domain/articles.ts.
import { describe, expect, it } from 'vitest';
import { ARTICLES } from '../../src/domain/articles';
import {
  caseDuties,
  decisionArticles,
  officerReceivesArticles,
  superiorEscalationArticle,
} from '../../src/domain/case-articles';
import { evaluateCase } from '../../src/domain/case-evaluation';
import { articlesOf, REQUEST_KINDS, type RequestKind } from '../../src/domain/cases';
import { applyAction, initialCaseState } from '../../src/domain/decisions';
import type { Directory } from '../../src/domain/directory';
import { demoDirectory } from '../helpers/demo-directory';
import { FLOWS, validateFlow } from '../../src/domain/flows';
import { escalationChain, routeCase } from '../../src/domain/routing';
import { ctx, VALID } from './flows/fixtures';

const dir: Directory = demoDirectory();
const STAFF = 'E1001'; // 山田 花子, 総務課 (210)
const OFFICER = 'E1002';

const guidanceOf = (kind: keyof typeof FLOWS) => FLOWS[kind].guidance;
const fieldOf = (kind: keyof typeof FLOWS, id: string) => FLOWS[kind].fields.find((f) => f.id === id);

describe('misdirected e-mail', () => {
  it('cites 12(5)②ク for keeping the sent mail (not 12(5)②カ)', () => {
    const keep = guidanceOf('misdirected_mail').find((g) =>
      t('ja', g.text).includes('送信済みメールは削除せず'),
    );
    expect(keep?.article).toBe('12(5)②ク');
    expect(ARTICLES['12(5)②ク'].ja).toContain('証拠保全');
  });

  it('cites 8(3)①キ only for checking the address and confirming receipt; asking to delete is 運用ルール', () => {
    const byArticle = guidanceOf('misdirected_mail').filter((g) => g.article === '8(3)①キ');
    expect(byArticle).toHaveLength(1);
    expect(t('ja', byArticle[0]?.text)).toMatch(/アドレスを十分に確認/);
    expect(t('ja', byArticle[0]?.text)).toMatch(/受領確認/);
    const del = guidanceOf('misdirected_mail').find((g) => t('ja', g.text).includes('削除を依頼'));
    expect(del?.article).toBe('operating_rule');
    expect(t('ja', del?.text)).toContain('再送しないでください');
    expect(fieldOf('misdirected_mail', 'deletionRequested')?.article).toBe('operating_rule');
  });

  it('cites 個人情報保護法 2条3項 (a law, not the standard) for what 要配慮個人情報 is', () => {
    const f = fieldOf('misdirected_mail', 'sensitivePersonalInfo');
    expect(f?.article).toBe('個人情報保護法2条3項');
    expect(t('ja', f?.help)).not.toMatch(/個人情報保護法/);
  });
});

describe('lost IC card', () => {
  it('is not a 侵害事案 (12(5)②): its report to 統括 and its closing record cite 運用ルール, its own steps 10(9)', () => {
    const acked = applyAction(
      initialCaseState(
        {
          id: 'INC-2026-0001',
          kind: 'lost_ic_card',
          reporterId: STAFF,
          sectionCode: '210',
          assigneeId: OFFICER,
        },
        dir,
      ),
      { name: 'case.acknowledge' },
      { actorId: OFFICER, now: ctx.now, directory: dir },
    );
    if (!acked.ok) throw new Error(t('en', acked.message));
    expect(acked.event.article).toBe('10(9)②');
    const reported = applyAction(
      acked.state,
      { name: 'case.report_chief' },
      { actorId: OFFICER, now: ctx.now, directory: dir },
    );
    if (!reported.ok) throw new Error(t('en', reported.message));
    expect(reported.event.article).toBe('operating_rule');
    expect(superiorEscalationArticle('lost_ic_card', true)).toBe('operating_rule');
    expect(superiorEscalationArticle('device_lost', true)).toBe('12(5)②オ');
  });

  it('does not cite 10(9)①イ for “a shared card affects every registered user”; the help says what it says', () => {
    const f = fieldOf('lost_ic_card', 'cardKind');
    expect(f?.article).toBe('10(9)①イ');
    expect(t('ja', f?.help)).not.toMatch(/影響/);
    expect(t('ja', f?.help)).toMatch(/登録された人だけが使う/);
  });
});

describe('lost or stolen device', () => {
  it('cites 12(5)②ア (containment), not 10(4)③, for the remote wipe after a loss', () => {
    const first = guidanceOf('device_lost')[0];
    expect(first?.article).toBe('12(5)②ア');
    expect(fieldOf('device_lost', 'remoteWipePossible')?.article).toBe('12(5)②ア');
    expect(articlesOf('device_lost')).not.toContain('10(4)③');
    for (const g of guidanceOf('device_lost')) expect(g.article).not.toBe('10(4)③');
  });
});

describe('system failure (12(5)①)', () => {
  it('says what the bot does for the sections concerned: told at once by 運用ルール; 12(5)①ウ for the IT administrator', () => {
    const f = fieldOf('system_failure', 'otherSections');
    expect(f?.article).toBe('operating_rule');
    expect(t('ja', f?.help)).toContain('直ちに通知されます');
    expect(t('ja', f?.help)).not.toMatch(/IT管理者から各課/);

    const r = routeCase(dir, STAFF, 'system_failure', { affectedSectionCodes: ['220'] });
    if (!r.ok) throw new Error(r.error);
    const reasons = r.notify.flatMap((n) => n.reasons);
    const itAdmin = r.notify.find((n) => n.roles.includes('it_admin'));
    expect(itAdmin?.reasons.map((x) => x.article)).toEqual(['12(5)①ウ']);
    const affected = r.notify.find((n) => n.roles.includes('affected_officer'));
    expect(affected?.reasons.map((x) => x.article)).toEqual(['operating_rule']);
    expect(
      reasons.filter((x) => x.article === '12(5)①ウ').every((x) => t('ja', x.text).includes('IT管理者')),
    ).toBe(true);
  });

  it('does not cite 12(5)①オ for screenshots by staff or 12(5)①エ for staff waiting; 10(6)③ for following instructions', () => {
    const g = guidanceOf('system_failure');
    expect(g.find((x) => t('ja', x.text).includes('スクリーンショット'))?.article).toBe('operating_rule');
    expect(g.find((x) => t('ja', x.text).includes('指示に従って'))?.article).toBe('10(6)③');
    expect(g.map((x) => x.article)).not.toContain('12(5)①エ');
  });
});

describe('who stands in for the officer (運用ルール: the standard has no 代理者)', () => {
  it('the deputy, the superior, the parent officer and 統括 as stand-ins are 運用ルール, never 12(5)②オ', () => {
    const noOfficer: Directory = {
      ...dir,
      sections: dir.sections.map((s) => (s.code === '210' ? { ...s, officerId: null } : s)),
    };
    const deputy = routeCase(noOfficer, STAFF, 'lost_ic_card');
    const ownCase = routeCase(dir, OFFICER, 'takeout');
    if (!deputy.ok || !ownCase.ok) throw new Error('routing failed');
    expect([deputy.assigneeRole, deputy.assigneeReason.article]).toEqual(['deputy', 'operating_rule']);
    expect([ownCase.assigneeRole, ownCase.assigneeReason.article]).toEqual(['superior', 'operating_rule']);
  });

  it('the section officer receives a report under its reporting article and a request under its permission article', () => {
    const report = routeCase(dir, STAFF, 'lost_ic_card', {
      officerBasis: officerReceivesArticles('lost_ic_card', {}),
    });
    if (!report.ok) throw new Error(report.error);
    expect(report.assigneeReason.article).toEqual(['10(9)①エ']);
    const v = validateFlow('private_device', VALID.private_device, ctx);
    if (!v.ok) throw new Error('invalid fixture');
    const e = evaluateCase('private_device', v.value, ctx.now, dir);
    expect(e.routeExtras.officerBasis).toEqual(['10(3)']);
  });

  it('escalation: 12(5)②オ only for the superior step of an urgent breach; every other step 運用ルール', () => {
    const chain = (kind: Parameters<typeof superiorEscalationArticle>[0], urgent: boolean) => {
      const c = escalationChain(dir, '210', OFFICER, { exclude: [STAFF], kind, urgent });
      if (!c.ok) throw new Error(c.error);
      return c.steps.map((s) => [s.role, s.article]);
    };
    const breach = chain('virus', true);
    expect(breach.find(([role]) => role === 'superior')?.[1]).toBe('12(5)②オ');
    expect(breach.filter(([role]) => role !== 'superior').every(([, a]) => a === 'operating_rule')).toBe(
      true,
    );
    for (const [kind, urgent] of [
      ['virus', false],
      ['system_failure', true],
      ['takeout', true],
      ['exception', true],
    ] as const) {
      expect(
        chain(kind, urgent).every(([, a]) => a === 'operating_rule'),
        `${kind} ${urgent}`,
      ).toBe(true);
    }
  });
});

describe('one source for what a decision cites (the card reads what the state machine records)', () => {
  const values: Record<RequestKind, unknown[]> = {
    takeout: [
      { itemKind: 'terminal', classification: 'II', protection: 'encryption' },
      { itemKind: 'data', classification: 'I', protection: 'encryption' },
      { itemKind: 'medium', classification: 'IV', protection: 'none' },
    ],
    exception: [{ urgent: false }],
    software_install: [{ action: 'install' }],
    private_device: [{ deviceKind: 'external_service' }, { deviceKind: 'private_medium' }],
    wireless_lan: [{}],
    external_connection: [{}],
    ic_card_renewal: [{}],
  };
  it.each(REQUEST_KINDS)(
    '%s: the article above the approve button is the article the approval records',
    (kind) => {
      for (const formValue of values[kind]) {
        const filed = initialCaseState(
          { id: 'REQ-2026-0001', kind, reporterId: STAFF, sectionCode: '210', assigneeId: OFFICER },
          dir,
        );
        // 11(2)②: the IT管理者's consultation comes first; the approval is the step checked here.
        const state = filed.stage === 'consult' ? { ...filed, stage: 'approve' as const } : filed;
        const actor = state.stage === 'approve' ? 'E1005' : OFFICER;
        const action =
          kind === 'exception' ? ({ name: 'case.endorse' } as const) : ({ name: 'case.approve' } as const);
        const r = applyAction(state, action, { actorId: actor, now: ctx.now, directory: dir, formValue });
        if (!r.ok) throw new Error(t('en', r.message));
        const recorded = typeof r.event.article === 'string' ? [r.event.article] : r.event.article;
        expect(recorded).toEqual(decisionArticles(kind, formValue));
        // The duties on the card cite the same decision articles.
        // An external connection's first duty is the consultation (11(2)②); its decision comes last.
        const duties = caseDuties(kind, formValue);
        const decide = kind === 'external_connection' ? duties.at(-1) : duties[0];
        const duty = typeof decide?.article === 'string' ? [decide.article] : decide?.article;
        const permission = decisionArticles(kind, formValue);
        // A take-out needing no permission has no decision duty (it is filed as a record, 10(4)⑥).
        if (kind !== 'exception' && !permission.includes('operating_rule')) expect(duty).toEqual(permission);
      }
    },
  );
});
