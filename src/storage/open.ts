import type { DatabaseConfig } from '../config/config';
import { PgDatabase } from './postgres/pg-database';
import type { Database } from './sql';
import { SqliteDatabase } from './sqlite/sqlite-database';

/** Opens the configured engine and applies the migrations it has not seen yet. */
export async function openDatabase(cfg: DatabaseConfig): Promise<Database> {
  switch (cfg.engine) {
    case 'sqlite':
      return SqliteDatabase.open(cfg.file);
    case 'postgres':
      return PgDatabase.open(cfg.url);
  }
}
