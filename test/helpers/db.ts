import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';

/** A real SQLite file in a fresh temp folder (never :memory:, so WAL and reopen behave as in production). */
export function tempDbFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secdesk-'));
  return path.join(dir, 'test.db');
}

export function openTempDb(file = tempDbFile()): SqliteDatabase {
  return SqliteDatabase.open(file);
}
