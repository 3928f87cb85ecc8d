import { SqliteDatabase } from '../../src/storage/sqlite/sqlite-database';
import { tempDbFile } from '../helpers/db';
import { runStorageContract } from './contract';

runStorageContract('sqlite (file, WAL)', async () => SqliteDatabase.open(tempDbFile()));
