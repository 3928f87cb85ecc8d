import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Directory } from '../../src/domain/directory';
import { parseDirectoryCsv } from '../../src/domain/directory-csv';

/** The demo contact directory (infra/demo/directory.csv), parsed; tests of the rules use its people. */
export function demoDirectory(): Directory {
  const parsed = parseDirectoryCsv(
    readFileSync(join(__dirname, '..', '..', 'infra', 'demo', 'directory.csv'), 'utf8'),
  );
  if (!parsed.ok) throw new Error('demo directory does not parse');
  return parsed.directory;
}
