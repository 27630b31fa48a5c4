import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  dedupeKey: string;
  attachments: { filename: string; contentType: string; content: string }[];
  raw: string;
}

export interface CapturedSms {
  to: string;
  text: string;
  reference: string;
}

/** A real SMTP server on loopback that keeps every message it accepts (tests, and the demo's inbox). */
export async function startSmtpCapture(
  port = 0,
  onMail?: (mail: CapturedMail) => void,
): Promise<{ url: string; mails: CapturedMail[]; stop(): Promise<void> }> {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            const to = Array.isArray(parsed.to) ? parsed.to.map((a) => a.text).join(', ') : (parsed.to?.text ?? '');
            const mail: CapturedMail = {
              to,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : '',
              messageId: parsed.messageId ?? '',
              dedupeKey: String(parsed.headers.get('x-oefenkansen-key') ?? ''),
              attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content.toString('utf8') })),
              raw,
            };
            mails.push(mail);
            onMail?.(mail);
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  // A sender killed mid-conversation (the fault tests' kill -9) resets its socket: an expected
  // event here, which smtp-server emits as 'error' and which would otherwise crash the test file.
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = (server as unknown as { server: Server }).server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${address.port}`, mails, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * A local SMS gateway speaking our JSON contract: POST {to, text, reference}, Idempotency-Key
 * header. Like real gateways it accepts a repeated reference once, so crash-retries are not re-sent.
 */
export async function startSmsGateway(
  port = 0,
  onSms?: (sms: CapturedSms) => void,
): Promise<{ url: string; messages: CapturedSms[]; requests: number; failNext(count: number): void; stop(): Promise<void> }> {
  const messages: CapturedSms[] = [];
  const seen = new Set<string>();
  const state = { requests: 0, failures: 0 };
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      state.requests += 1;
      if (state.failures > 0) {
        state.failures -= 1;
        res.writeHead(503).end('gateway busy');
        return;
      }
      try {
        const sms = JSON.parse(body) as CapturedSms;
        const reference = String(req.headers['idempotency-key'] ?? sms.reference);
        if (!seen.has(reference)) {
          seen.add(reference);
          messages.push({ to: sms.to, text: sms.text, reference });
          onSms?.({ to: sms.to, text: sms.text, reference });
        }
        res.writeHead(202, { 'content-type': 'application/json' }).end(JSON.stringify({ id: reference }));
      } catch {
        res.writeHead(400).end('bad json');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${address.port}/messages`,
    messages,
    get requests() {
      return state.requests;
    },
    failNext: (count: number) => (state.failures = count),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Keeps a captured mail as <dir>/<time>-<key>.eml (the demo's inbox). Mails hold names, phone
 * numbers and login links: the folder is the owner's alone (0700) and every file 0600, whatever
 * the umask, even when the folder existed before with wider rights. Returns the file.
 */
export function keepMail(dir: string, mail: Pick<CapturedMail, 'dedupeKey' | 'raw'>): string {
  return keepPrivateFile(dir, `${Date.now()}-${safeName(mail.dedupeKey)}.eml`, mail.raw);
}

/**
 * Keeps a captured SMS next to the mails, as <dir>/<time>-sms-<to>-<reference>.txt: the number,
 * how the gateway would encode it and in how many segments (given by the caller, which knows
 * the counter), then the text. The same 0700 folder and 0600 file as keepMail. Returns the file.
 */
export function keepSms(dir: string, sms: CapturedSms, length: { encoding: string; segments: number }): string {
  const content = [`To: ${sms.to}`, `Encoding: ${length.encoding}`, `Segments: ${length.segments}`, `Reference: ${sms.reference}`, '', sms.text, ''].join('\n');
  return keepPrivateFile(dir, `${Date.now()}-sms-${safeName(sms.to)}-${safeName(sms.reference)}.txt`, content);
}

function safeName(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]/g, '_');
}

function keepPrivateFile(dir: string, name: string, content: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  const file = join(dir, name);
  writeFileSync(file, content, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}
