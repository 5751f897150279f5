import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { migrationsDir } from '../paths';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** Migrations are numbered SQL files (NNN_name.sql); the highest number is this app's schema version. */
export function loadMigrations(dir = migrationsDir()): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({
      version: Number(f.slice(0, 3)),
      name: f.slice(4, -4),
      sql: readFileSync(join(dir, f), 'utf8'),
    }));
}

export const latestSchemaVersion = (migrations = loadMigrations()): number =>
  migrations.reduce((max, m) => Math.max(max, m.version), 0);
