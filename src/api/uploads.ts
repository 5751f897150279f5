import { mkdtempSync, rmSync, createWriteStream, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { PathwaysError } from '../errors';

export const FileRefSchema = z.object({
  fileId: z.string().regex(/^[0-9a-f]{32}$/),
  name: z.string(),
  size: z.number().int(),
});
export type FileRef = z.infer<typeof FileRefSchema>;

/** Largest file either transport accepts (a million-row roster is ~60 MB). */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

/** A file name as a label only: no folders, no control characters, the extension kept for format detection. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '_').replace(/^\.+/, '').slice(-200);
  return clean || 'file';
}

/**
 * Files the user handed to the app through a file dialog or by dropping them on the window.
 * The renderer never names a path: it uploads the bytes it was given and refers to them by an
 * opaque id afterwards, so no request can make the core read a file the user did not choose.
 * Kept in a private temp folder for the session.
 */
export class UploadStore {
  private readonly dir: string;
  private readonly files = new Map<string, { path: string; name: string; size: number }>();

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'pathways-uploads-'));
  }

  async save(name: string, data: Uint8Array | Readable): Promise<FileRef> {
    const fileId = randomBytes(16).toString('hex');
    const label = safeFileName(name);
    const path = join(this.dir, `${fileId}-${label}`);
    if (data instanceof Uint8Array) {
      if (data.byteLength > MAX_UPLOAD_BYTES) throw new PathwaysError('BAD_REQUEST', `${label} is larger than ${MAX_UPLOAD_BYTES / 1024 ** 3} GB.`);
      await writeFile(path, data, { mode: 0o600 });
    } else {
      await pipeline(data, createWriteStream(path, { mode: 0o600 }));
    }
    const size = statSync(path).size;
    this.files.set(fileId, { path, name: label, size });
    return { fileId, name: label, size };
  }

  resolve(fileId: string): { path: string; name: string } {
    const f = this.files.get(fileId);
    if (!f) throw new PathwaysError('NOT_FOUND', 'that file is no longer available: choose it again');
    return f;
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
