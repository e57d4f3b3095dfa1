import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedDatabaseError, ensureFerretDbBinary } from './embedded-ferretdb';

describe('ensureFerretDbBinary', () => {
  const path = process.env['PATH'];
  afterEach(() => {
    process.env['PATH'] = path;
  });

  it('without Go and without a built binary, names the ways out instead of failing with a stack trace', async () => {
    process.env['PATH'] = '/nonexistent';
    const empty = mkdtempSync(join(tmpdir(), 'no-ferret-'));
    const attempt = ensureFerretDbBinary(null, () => undefined, empty);
    await expect(attempt).rejects.toBeInstanceOf(EmbeddedDatabaseError);
    await expect(attempt).rejects.toThrow(/install Go[\s\S]*MONGODB_URI[\s\S]*docker compose up/);
  });

  it('refuses a FERRETDB_BIN that does not exist', async () => {
    await expect(ensureFerretDbBinary('/nonexistent/ferretdb', () => undefined)).rejects.toThrow(
      /FERRETDB_BIN=\/nonexistent\/ferretdb does not exist/,
    );
  });
});
