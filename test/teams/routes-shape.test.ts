// The shape the routes keep: thin handlers that call services, and no hub importing every feature.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { INTENTS } from '../../src/domain/intents';
import { INTENT_HANDLERS } from '../../src/teams/app';

const ROUTES = join(__dirname, '..', '..', 'src', 'teams', 'routes');
const routeFiles = readdirSync(ROUTES).filter((f) => f.endsWith('.ts'));
const importsOf = (file: string) =>
  [...readFileSync(join(ROUTES, file), 'utf8').matchAll(/from '([^']+)'/g)].map((m) => m[1] ?? '');

describe('routes', () => {
  it('have one handler per intent, filled by the composition root', () => {
    expect(Object.keys(INTENT_HANDLERS).sort()).toEqual([...INTENTS].sort());
  });

  it('do not import each other (the menu is a table, not a hub)', () => {
    for (const f of routeFiles) {
      expect(
        importsOf(f).filter((i) => i.startsWith('./')),
        f,
      ).toEqual([]);
    }
  });

  it('never touch storage or SQL themselves: they call services', () => {
    for (const f of routeFiles) {
      expect(
        importsOf(f).filter((i) => i.includes('/storage/')),
        f,
      ).toEqual([]);
      expect(readFileSync(join(ROUTES, f), 'utf8'), f).not.toMatch(/\.(query|execute|one)\(/);
    }
  });
});
