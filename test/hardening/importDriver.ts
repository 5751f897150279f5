// Imports one file into a workspace in its own process, so a hostile file that blows up memory
// or time takes down only this process, and prints the outcome as one JSON line.
import { readFileSync } from 'node:fs';
import { Workspace } from '../../src/workspace/workspace';
import { importFiles } from '../../src/ingest/importFiles';
import { UploadStore } from '../../src/api/uploads';
import { toErrorInfo } from '../../src/errors';

const [workspace, path, profileJson, uploadNameB64] = process.argv.slice(2);
// The upload name arrives base64-encoded: it may hold a NUL, which no argument can carry.
const uploadName = uploadNameB64 ? Buffer.from(uploadNameB64, 'base64').toString('utf8') : undefined;
const ws = await Workspace.open(workspace);
const uploads = new UploadStore();
try {
  let request = { path, profile: JSON.parse(profileJson) };
  if (uploadName) {
    const ref = await uploads.save(uploadName, readFileSync(path));
    const u = uploads.resolve(ref.fileId);
    request = { ...request, path: u.path, name: u.name } as typeof request;
  }
  const report = await importFiles(ws, [request], { onInvalid: 'skip' });
  console.log(JSON.stringify({ ok: true, report }));
} catch (err) {
  console.log(JSON.stringify({ ok: false, error: toErrorInfo(err) }));
} finally {
  ws.close();
  uploads.cleanup();
}
