import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CASE_STATUSES,
  DONE_CASE_STATUSES,
  isDoneCaseStatus,
  isOpenCaseStatus,
  OPEN_CASE_STATUSES,
} from '../../src/domain/cases';

const SRC = join(__dirname, '..', '..', 'src');
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('open and done cases: one definition', () => {
  it('splits every status into exactly one of open / done', () => {
    expect([...OPEN_CASE_STATUSES, ...DONE_CASE_STATUSES].sort()).toEqual([...CASE_STATUSES].sort());
    for (const s of CASE_STATUSES) expect(isOpenCaseStatus(s)).toBe(!isDoneCaseStatus(s));
    expect(isOpenCaseStatus('endorsed')).toBe(true); // an exception waiting for 統括
    expect(isOpenCaseStatus('approved')).toBe(false); // decided: nobody has to act on the case
  });

  it('is not redefined elsewhere: no other file lists final statuses itself', () => {
    const offenders = sources(SRC)
      .filter((f) => !f.endsWith(join('domain', 'cases.ts')))
      .filter((f) => {
        const text = readFileSync(f, 'utf8');
        // A list of two or more terminal statuses, in code or in SQL, is a second definition.
        return /'(approved|rejected|cancelled|closed)',\s*'(approved|rejected|cancelled|closed)'/.test(text);
      });
    expect(offenders).toEqual([]);
  });
});
