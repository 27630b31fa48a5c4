import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { keepMail, keepSms } from './message-capture';

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

describe('keepSms (the demo keeps SMS next to the mails, in .data/mail)', () => {
  let root: string;
  const umask = process.umask();

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'keep-sms-'));
    process.umask(0o022);
  });
  afterAll(() => {
    process.umask(umask);
    rmSync(root, { recursive: true, force: true });
  });

  it('writes the number, encoding, segments and text, readable by its owner only', () => {
    const dir = join(root, 'mail');
    const text = 'Merhaba Ayşe! Hatırlatma: Schoolbabbel De Vlieger, 8 Aralık Salı, saat 19:00.';
    const file = keepSms(dir, { to: '+32470123456', text, reference: 'reminder:1/../x' }, { encoding: 'UCS-2', segments: 2 });
    expect(file.startsWith(dir)).toBe(true);
    expect(basename(file)).toMatch(/^\d+-sms-_32470123456-reminder_1____x\.txt$/);
    expect(readFileSync(file, 'utf8')).toBe(`To: +32470123456\nEncoding: UCS-2\nSegments: 2\nReference: reminder:1/../x\n\n${text}\n`);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('keeps two SMS to the same number in the same millisecond apart', () => {
    const dir = join(root, 'same');
    const first = keepSms(dir, { to: '+32470123456', text: 'a', reference: 'code:1' }, { encoding: 'GSM-7', segments: 1 });
    const second = keepSms(dir, { to: '+32470123456', text: 'b', reference: 'code:2' }, { encoding: 'GSM-7', segments: 1 });
    expect(first).not.toBe(second);
    expect(readdirSync(dir)).toHaveLength(2);
  });
});
