import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { queriesDir } from '../paths';
import { PathwaysError } from '../errors';
import { parseModelHeader, type ModelHeader } from './modelHeader';

export interface ModelFile {
  header: ModelHeader;
  sql: string;
  file: string;
}

let cache: { models: Map<string, ModelFile>; lib: string } | undefined;

/** Every model under queries/<area>/<name>.sql, by name; queries/_lib holds shared macros. */
export function loadModels(dir = queriesDir()): { models: Map<string, ModelFile>; lib: string } {
  if (cache && dir === queriesDir()) return cache;
  const models = new Map<string, ModelFile>();
  let lib = '';
  for (const area of readdirSync(dir).sort()) {
    const areaDir = join(dir, area);
    if (!statSync(areaDir).isDirectory()) continue;
    for (const f of readdirSync(areaDir).filter((x) => x.endsWith('.sql')).sort()) {
      const sql = readFileSync(join(areaDir, f), 'utf8');
      if (area === '_lib') { lib += `${sql}\n`; continue; }
      const header = parseModelHeader(sql, area);
      if (`${header.name}.sql` !== f) throw new Error(`queries/${area}/${f} declares name ${header.name}`);
      if (models.has(header.name)) throw new Error(`two models are named ${header.name}`);
      models.set(header.name, { header, sql, file: `queries/${area}/${f}` });
    }
  }
  const loaded = { models, lib };
  if (dir === queriesDir()) cache = loaded;
  return loaded;
}

export function getModel(name: string): ModelFile {
  const m = loadModels().models.get(name);
  if (!m) throw new PathwaysError('NOT_FOUND', `there is no model named "${name}"`);
  return m;
}
