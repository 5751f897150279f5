import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { appRoot } from '../paths';
import { loadModels } from '../models/registry';
import type { WorkspaceInfo } from '../api/contract';
import type { Provenance } from './packSchema';

export const sha256 = (text: string | Uint8Array): string => createHash('sha256').update(text).digest('hex');

let version: string | undefined;

/** The app's version as package.json states it. */
export function appVersion(): string {
  version ??= String(JSON.parse(readFileSync(join(appRoot(), 'package.json'), 'utf8')).version);
  return version;
}

/** Each model's version: the sha256 of its SQL file, so a changed definition shows as a changed hash. */
export function modelVersions(): { models: Provenance['models']; libSha256: string } {
  const { models, lib } = loadModels();
  return {
    models: [...models.values()].map((m) => ({ name: m.header.name, file: m.file, sha256: sha256(m.sql) })),
    libSha256: sha256(lib),
  };
}

/** Where the figures came from: every input file with its hash, rows and import time, and the code's versions. */
export function provenance(info: WorkspaceInfo, generatedAt: string): Provenance {
  return {
    appVersion: appVersion(),
    schemaVersion: info.schemaVersion,
    workspaceName: info.name,
    generatedAt,
    inputs: info.imports,
    ...modelVersions(),
  };
}
