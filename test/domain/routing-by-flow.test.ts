import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASE_KINDS, type CaseKind } from '../../src/domain/cases';
import { parseDirectoryCsv } from '../../src/domain/directory-csv';
import { escalationChain, routeCase } from '../../src/domain/routing';

const parsed = parseDirectoryCsv(
  fs.readFileSync(path.resolve(__dirname, '../../infra/demo/directory.csv'), 'utf8'),
);
if (!parsed.ok) throw new Error('demo directory must parse');
const dir = parsed.directory;

// Who else hears of each kind, besides the assignee (demo: IT管理者 E1006 and E1017, 統括 E1005).
const NOTIFY: Record<CaseKind, string[]> = {
  lost_ic_card: [], // 10(9)①エ: the section officer stops the card
  virus: ['E1005', 'E1006', 'E1017'], // 10(6)② IT管理者, 12(4)④ 統括
  misdirected_mail: [], // without personal data; with it 統括 (below)
  password_leak: ['E1006', 'E1017'],
  device_lost: ['E1006', 'E1017'],
  system_failure: ['E1005', 'E1006', 'E1017'], // 12(5)①イウ
  takeout: [],
  exception: ['E1005'], // 12(6)① 統括 decides
  software_install: [],
  private_device: [],
};

const without = (ids: string[], id: string) => ids.filter((x) => x !== id).sort();

describe('routing of every flow by the demo directory', () => {
  describe.each(CASE_KINDS)('%s', (kind) => {
    it('a staff member (総務課) → the section officer 佐藤, first escalation to the deputy 鈴木', () => {
      const r = routeCase(dir, 'E1001', kind);
      expect(r).toMatchObject({ ok: true, assignee: 'E1002', assigneeRole: 'section_officer' });
      if (r.ok) expect(r.notify.map((n) => n.personId).sort()).toEqual(NOTIFY[kind].sort());
      const chain = escalationChain(dir, '210', 'E1002', { exclude: ['E1001'] });
      expect(chain.ok && chain.steps[0]).toMatchObject({ to: 'E1003', role: 'deputy' });
    });

    it('the section officer reporting in his own section → his superior, never himself nor his deputy', () => {
      const r = routeCase(dir, 'E1002', kind);
      if (kind === 'exception') {
        // His own exception goes straight to 統括 (12(6)①: the officer's filing is the forwarding).
        expect(r).toMatchObject({ ok: true, assignee: 'E1005', assigneeRole: 'chief_officer' });
      } else {
        expect(r).toMatchObject({ ok: true, assignee: 'E1004', assigneeRole: 'superior' });
      }
      if (!r.ok) return;
      expect(r.notify.map((n) => n.personId)).not.toContain('E1002');
      const chain = escalationChain(dir, '210', r.assignee, { exclude: ['E1002'] });
      expect(chain.ok && chain.steps.map((s) => s.to)).not.toContain('E1003');
    });

    it('a member of a section with no deputy (情報システム担当) → its officer; escalation skips to the superior', () => {
      const r = routeCase(dir, 'E1006', kind);
      expect(r).toMatchObject({ ok: true, assignee: 'E1016', assigneeRole: 'section_officer' });
      if (r.ok) expect(r.notify.map((n) => n.personId).sort()).toEqual(without(NOTIFY[kind], 'E1006'));
      const chain = escalationChain(dir, '230', 'E1016', { exclude: ['E1006'] });
      expect(chain.ok && chain.steps[0]).toMatchObject({ to: 'E1004', role: 'superior' });
    });
  });

  it('a misdirected mail with personal data tells 統括 as a possible leak', () => {
    const r = routeCase(dir, 'E1001', 'misdirected_mail', { possibleLeak: true });
    expect(r.ok && r.notify.map((n) => n.personId)).toEqual(['E1005']);
  });
});
