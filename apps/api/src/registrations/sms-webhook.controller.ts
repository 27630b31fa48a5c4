import { createHmac, timingSafeEqual } from 'node:crypto';
import { Controller, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AppError, ErrorCode } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { auditScope } from '@app/privacy';
import { SmsReplies } from '@app/registrations';
import { requestIdOf } from '../privacy/audit-scope.interceptor';

export const SMS_WEBHOOK_PATH = '/webhooks/sms';
export const SMS_SIGNATURE_HEADER = 'x-oefenkansen-signature';

/** `sha256=<hex>` of the raw body with the key; compared in constant time, so timing tells a forger nothing. */
export function signatureMatches(secret: string, rawBody: Buffer, header: unknown): boolean {
  if (typeof header !== 'string') return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match) return false;
  const expected = createHmac('sha256', secret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(match[1], 'hex'));
}

const refusal = (response: Response, status: number, code: ErrorCode, message: string, field?: string) =>
  response.status(status).json({ errors: [{ message, extensions: { code, ...(field ? { field } : {}) } }] });

/**
 * Replies to our SMS, forwarded by the city's gateway (README "Messages"). The raw body is kept for
 * the signature (http.ts reads it as bytes on this path); only a signed body is parsed. Off (404,
 * nothing read) while SMS_WEBHOOK_SECRET is unset.
 */
@Controller('webhooks')
export class SmsWebhookController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly replies: SmsReplies,
  ) {}

  @Post('sms')
  @HttpCode(200)
  async receive(@Req() request: Request, @Res() response: Response): Promise<void> {
    const secret = this.config.smsWebhookSecret;
    if (!secret) {
      refusal(response, 404, ErrorCode.NOT_FOUND, 'SMS replies are not read here');
      return;
    }
    const raw: unknown = request.body;
    if (!Buffer.isBuffer(raw) || !signatureMatches(secret, raw, request.headers[SMS_SIGNATURE_HEADER])) {
      refusal(response, 401, ErrorCode.UNAUTHENTICATED, `Missing or wrong ${SMS_SIGNATURE_HEADER}: sha256=<hex HMAC-SHA256 of the body>`);
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      refusal(response, 400, ErrorCode.BAD_REQUEST, 'The body is not valid JSON');
      return;
    }
    try {
      const scope = { actorUserId: null, operation: 'smsWebhook', requestId: requestIdOf(request) };
      const result = await auditScope.run(scope, () => this.replies.receive(body));
      response.status(200).json(result);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refusal(response, 400, error.code, error.message, typeof error.details.field === 'string' ? error.details.field : undefined);
    }
  }
}
