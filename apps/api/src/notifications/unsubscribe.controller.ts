import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AppError, ErrorCode } from '@app/common';
import { MailOptOuts } from '@app/messaging';

/** What RFC 8058 says a mail client POSTs (application/x-www-form-urlencoded); the web page sends the same. */
const ONE_CLICK = 'One-Click';

/**
 * `POST /u/<token>`: one-click unsubscribe from the mail a reader can live without, as mail clients
 * send it (RFC 8058) and as the page `GET /u/<token>` of the web app does; no login, no cookie.
 * Errors have the GraphQL shape the web app reads everywhere: `{errors: [{message, extensions: {code}}]}`.
 */
@Controller('u')
export class UnsubscribeController {
  constructor(private readonly optOuts: MailOptOuts) {}

  @Post(':token')
  @HttpCode(200)
  async unsubscribe(@Param('token') token: string, @Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<unknown> {
    response.setHeader('cache-control', 'no-store');
    if ((body as Record<string, unknown> | undefined)?.['List-Unsubscribe'] !== ONE_CLICK) {
      response.status(400);
      return refusal(ErrorCode.BAD_REQUEST, 'Send List-Unsubscribe=One-Click (application/x-www-form-urlencoded), as RFC 8058 says');
    }
    try {
      await this.optOuts.unsubscribe(token);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      response.status(400);
      return refusal(error.code, error.message, error.details);
    }
    return { unsubscribed: true };
  }
}

function refusal(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
  return { errors: [{ message, extensions: { code, ...details } }] };
}
