import { describe, expect, it } from 'vitest';
import {
  composeOptions,
  isBroadcastSender,
  refusalField,
  validateComposed,
} from '../../src/domain/broadcast-compose';
import type { Person } from '../../src/domain/directory';
import { demoDirectory } from '../helpers/demo-directory';

const dir = demoDirectory();
const person = (id: string) => dir.people.find((p) => p.id === id) as Person;

describe('what a sender may choose on the compose card', () => {
  it('IT管理者 and 統括 reach every section with all audiences; 統括 names nobody, IT管理者 may name 統括', () => {
    const it = composeOptions(dir, person('E1006'));
    expect(it.sections.map((s) => s.code)).toEqual(dir.sections.map((s) => s.code));
    expect(it.audiences).toEqual(['everyone', 'sections', 'officers']);
    expect(it.purposes).toEqual(['contact_tree', 'cyber_emergency', 'officer_alert', 'general']);
    expect(it.chiefs).toEqual([{ id: 'E1005', name: '高橋 誠' }]);
    const chief = composeOptions(dir, person('E1005'));
    expect(chief.isChief).toBe(true);
    expect(chief.chiefs).toEqual([]);
    // 統括 is also the officer of 事務局: the section purposes come with that role.
    expect(chief.purposes).toEqual([
      'cyber_emergency',
      'officer_alert',
      'improvement',
      'revision_officers',
      'revision_staff',
      'recurrence',
      'awareness',
      'general',
    ]);
  });

  it('a section officer reaches their own sections only, with the section purposes; staff and deputies nothing', () => {
    const officer = composeOptions(dir, person('E1002'));
    expect(officer.sections).toEqual([{ code: '210', name: '総務課' }]);
    expect(officer.audiences).toEqual(['sections']);
    expect(officer.purposes).toEqual(['revision_staff', 'recurrence', 'awareness', 'general']);
    expect(composeOptions(dir, person('E1004')).sections.map((s) => s.code)).toEqual(['200']);
    expect(isBroadcastSender(dir, person('E1001'))).toBe(false);
    expect(isBroadcastSender(dir, person('E1003'))).toBe(false);
    expect(isBroadcastSender(dir, person('E1002'))).toBe(true);
  });
});

describe('a composed broadcast is complete', () => {
  const options = composeOptions(dir, person('E1002'));
  const ok = {
    purpose: 'awareness' as const,
    title: '件名',
    body: '本文',
    audience: {
      kind: 'sections' as const,
      sectionCodes: ['210'],
      includeSubsections: false,
      officersOnly: false,
    },
    answer: { kind: 'ack' as const },
  };

  it('passes with title, body, a reachable section and an answer', () => {
    expect(validateComposed(ok, options)).toEqual({});
  });

  it('names the field of each problem', () => {
    const e = validateComposed(
      {
        ...ok,
        purpose: 'cyber_emergency',
        title: ' ',
        body: 'x'.repeat(2001),
        audience: { ...ok.audience, sectionCodes: ['210', '220'] },
        answer: { kind: 'choice', choices: [{ label: 'はい' }, { label: 'はい' }] },
      },
      options,
    );
    expect(Object.keys(e).sort()).toEqual(['body', 'choices', 'purpose', 'sections', 'title']);
    expect(e.choices?.key).toBe('bcompose.error.choiceDuplicate');
    expect(
      validateComposed({ ...ok, answer: { kind: 'choice', choices: [{ label: 'はい' }] } }, options).choices
        ?.key,
    ).toBe('bcompose.error.choiceCount');
    expect(
      validateComposed({ ...ok, audience: { kind: 'everyone', officersOnly: false } }, options).audience?.key,
    ).toBe('bcompose.error.audience');
  });

  it('puts a refusal of maySendBroadcast next to its field', () => {
    expect(refusalField('instruction_required')).toBe('instructedBy');
    expect(refusalField('not_own_section')).toBe('sections');
    expect(refusalField('audience_not_for_purpose')).toBe('audience');
    expect(refusalField('unknown_sender')).toBe('_form');
  });
});
