import type { DatabaseConfig } from '../config/config';
import type { Database } from './sql';
import { SqliteDatabase } from './sqlite/sqlite-database';

export function openDatabase(cfg: DatabaseConfig): Database {
  switch (cfg.engine) {
    case 'sqlite':
      return SqliteDatabase.open(cfg.file);
    case 'postgres':
      throw new Error('PostgreSQL engine is not available yet (roadmap [6/6])');
  }
}
