import { describe, expect, it } from 'vitest';
import { valuesOfSubmit } from '../../src/teams/broadcast/compose-form';

describe('compose card submit', () => {
  // Teams and the Agents Playground leave out inputs the person left empty (found by the e2e test).
  it('reads a submit without the empty inputs: missing ones are empty, nothing throws', () => {
    const v = valuesOfSubmit({
      verb: 'broadcast.review',
      purpose: 'contact_tree',
      title: '件名',
      body: '本文',
      mode: 'drill',
    });
    expect(v).toMatchObject({
      purpose: 'contact_tree',
      mode: 'drill',
      title: '件名',
      body: '本文',
      sections: '',
      instructedBy: '',
    });
    expect(v.choices).toEqual(['', '', '', '']);
  });

  it('a malformed value (an object where text belongs) reads as empty', () => {
    expect(valuesOfSubmit({ title: { x: 1 }, remind: 15 })).toMatchObject({ title: '', remind: '15' });
  });
});
