// Who performs a people-change duty (運用ルール around 10(4)④ / 11(1)① / 10(9)③): the officer of the
// section in the directory AFTER the import — never the person the duty is about.
import { describe, expect, it } from 'vitest';
import type { Directory } from '../../src/domain/directory';
import { peopleChangeOwner } from '../../src/domain/people-change';

const section = (code: string, officerId: string | null, deputyId: string | null) => ({
  code,
  name: `課${code}`,
  parentCode: null,
  officerId,
  deputyId,
  superiorId: null,
});
const after: Directory = {
  sections: [section('210', 'E2', 'E3'), section('220', 'E9', 'E8'), section('230', null, null)],
  people: [],
};

describe('peopleChangeOwner', () => {
  it('is the new officer of the section left; its deputy when the file still names the leaver as officer', () => {
    expect(peopleChangeOwner(after, '210', 'E1')).toBe('E2');
    expect(peopleChangeOwner(after, '220', 'E9')).toBe('E8');
  });
  it('is nobody when the section has no one else or is gone (the duty still belongs to the section)', () => {
    expect(peopleChangeOwner(after, '230', 'E1')).toBe('');
    expect(peopleChangeOwner(after, '999', 'E1')).toBe('');
  });
});
