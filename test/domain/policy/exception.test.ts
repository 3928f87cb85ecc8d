import { describe, expect, it } from 'vitest';
import { exceptionStages, nextExceptionStage } from '../../../src/domain/policy/exception';

describe('exceptionStages (12(6)①②)', () => {
  it.each([
    [
      false,
      false,
      [
        ['endorse', 'section_officer', false, '12(6)①'],
        ['approve', 'chief_officer', false, '12(6)①'],
      ],
    ],
    [false, true, [['approve', 'chief_officer', false, '12(6)①']]],
    [
      true,
      false,
      [
        ['endorse', 'section_officer', false, '12(6)②'],
        ['post_report', 'chief_officer', true, '12(6)②'],
      ],
    ],
    [true, true, [['post_report', 'chief_officer', true, '12(6)②']]],
  ] as const)('urgent=%s filedBySectionOfficer=%s', (urgent, filedBySectionOfficer, expected) => {
    const stages = exceptionStages({ urgent }, { filedBySectionOfficer });
    expect(stages.map((s) => [s.stage, s.by, s.acknowledgeOnly, s.article])).toEqual(expected);
  });

  it('defaults to a staff filing', () => {
    expect(exceptionStages({ urgent: false }).map((s) => s.stage)).toEqual(['endorse', 'approve']);
    expect(exceptionStages({ urgent: true }).map((s) => s.stage)).toEqual(['endorse', 'post_report']);
  });

  it('maps each stage to the status the case takes', () => {
    expect(exceptionStages({ urgent: false }).map((s) => s.statusOnComplete)).toEqual([
      'endorsed',
      'approved',
    ]);
    expect(exceptionStages({ urgent: true }, { filedBySectionOfficer: true })[0]?.statusOnComplete).toBe(
      'acknowledged',
    );
  });

  it('nextExceptionStage walks the stages and ends with null', () => {
    const stages = exceptionStages({ urgent: false });
    expect(nextExceptionStage(stages, 0)?.stage).toBe('endorse');
    expect(nextExceptionStage(stages, 1)?.stage).toBe('approve');
    expect(nextExceptionStage(stages, 2)).toBeNull();
  });
});
