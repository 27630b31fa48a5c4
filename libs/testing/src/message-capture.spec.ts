import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keepMail } from './message-capture';

describe('keepMail (the demo inbox, .data/mail)', () => {
  let root: string;
  const umask = process.umask();

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'keep-mail-'));
    // The usual umask leaves new files world-readable; keepMail must not rely on a stricter one.
    process.umask(0o022);
  });
  afterAll(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  const mode = (path: string) => statSync(path).mode & 0o777;

  it('writes each mail readable by its owner only, in a folder only the owner may open', () => {
    const dir = join(root, 'mail');
    const file = keepMail(dir, { dedupeKey: 'reminder:1/../x', raw: 'Subject: hi\r\n\r\nbody' });
    expect(file.startsWith(dir)).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe('Subject: hi\r\n\r\nbody');
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
  });

  it('narrows a folder a previous demo left world-readable', () => {
    const dir = join(root, 'old-mail');
    mkdirSync(dir);
    chmodSync(dir, 0o755);
    const file = keepMail(dir, { dedupeKey: 'k', raw: 'x' });
    expect(mode(dir)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
  });
});
