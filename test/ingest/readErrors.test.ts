import { describe, it, expect } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withTempWorkspace } from '../helpers/tempWorkspace';
import { importFiles } from '../../src/ingest/importFiles';
import { inspectFile } from '../../src/ingest/inspectFile';
import { readErrorReason } from '../../src/ingest/readError';

// A JSON export whose second record has person_id twice: DuckDB's error quotes the record (ids
// included), the file's full path and advice on reader options. The message says what is wrong
// where, and nothing else.
const record = '[{"person_id":"E040","snapshot_date":"2026-06-30","level":1,"gender":"Female"},{"person_id":"E041","snapshot_date":"2026-06-30","level":2,"gender":"Male", "person_id":"E099"}]';
const profile = { table: 'people' as const, columns: { person_id: 'person_id', snapshot_date: 'snapshot_date', level: 'level', gender: 'gender' } };

describe('messages for files the reader cannot read', () => {
  it('name the file and the record, never the record\'s values or the path', async () => {
    await withTempWorkspace(async (ws, dir) => {
      const path = join(dir, 'dupkey.json');
      writeFileSync(path, record);
      const want = 'dupkey.json could not be read as JSON: JSON transform error, in record 2: the record has duplicate key "person_id"';
      await expect(inspectFile(path)).rejects.toThrow(want);
      const err = await importFiles(ws, [{ path, profile }]).catch((e: Error) => e);
      expect(err).toMatchObject({ code: 'FILE_UNREADABLE', message: want });
      for (const leak of ['E04', 'E099', dir, 'Try increasing']) expect((err as Error).message).not.toContain(leak);
      expect(await ws.all('SELECT count(*)::INTEGER AS n FROM people')).toEqual([{ n: 0 }]);
    });
  });

  it('keep what DuckDB says of the file and drop the rest', () => {
    expect(readErrorReason('Invalid Input Error: Malformed JSON in file "/home/a/x.json", at byte 12 in record/value 3: unexpected character.\nTry increasing'))
      .toBe('Malformed JSON, at byte 12 in record 3: unexpected character.');
    expect(readErrorReason('Invalid Input Error: JSON transform error in file "/x.json", in record/value 1: Object {"id":"E1"} has unknown key "x"'))
      .toBe('JSON transform error, in record 1: the record has unknown key "x"');
  });
});
