import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { UsersService } from '@app/auth';
import { hasAnyRole, Role } from '@app/common';
import { QueueName } from '@app/queues';

export const BULL_BOARD_PATH = '/admin/queues';
const TOKEN = /^[A-Za-z0-9._~+/=-]{10,2048}$/;

function bearer(header: string | undefined): string | null {
  const match = header ? /^Bearer (\S+)$/.exec(header) : null;
  return match ? match[1] : null;
}

function cookie(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) {
      try {
        return decodeURIComponent(value.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * ADMIN only. The token comes as `Authorization: Bearer …` (scripts), or for a browser as
 * `?token=…` once: it is then kept in an HttpOnly cookie scoped to the board, so the board's own
 * page and API calls carry it. No token: 401; a valid token without ADMIN: 403.
 */
export function adminOnly(users: UsersService): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const fromQuery = typeof req.query.token === 'string' ? req.query.token : null;
    const token = bearer(req.headers.authorization) ?? fromQuery ?? cookie(req.headers.cookie, 'token');
    const refuse = (status: 401 | 403, message: string) => {
      if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="oefenkansen"');
      res.status(status).type('text/plain').send(message);
    };
    if (!token) return refuse(401, `Log in first: open ${BULL_BOARD_PATH}?token=<the token of an ADMIN login>, or send it as Authorization: Bearer`);
    if (!TOKEN.test(token)) return refuse(401, 'The token is not valid; log in again');
    users.actorForToken(token).then((actor) => {
      if (!actor) return refuse(401, 'The token is invalid, expired or revoked; log in again');
      if (!hasAnyRole(actor, Role.ADMIN)) return refuse(403, 'Only admins see the queues');
      if (fromQuery === token) {
        res.cookie('token', token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: BULL_BOARD_PATH });
      }
      next();
    }, next);
  };
}

/**
 * The board's page and files are addressed relative to /admin/queues/: without the slash (the
 * address the 401 answer and README give) the browser would look for them under /admin/. Same
 * query, so `?token=…` still logs in.
 */
function toTrailingSlash(req: Request, res: Response, next: NextFunction): void {
  const [path, query] = splitUrl(req.originalUrl);
  if ((req.method === 'GET' || req.method === 'HEAD') && path === BULL_BOARD_PATH) return res.redirect(302, `${BULL_BOARD_PATH}/${query}`);
  next();
}

function splitUrl(url: string): [string, string] {
  const at = url.indexOf('?');
  return at < 0 ? [url, ''] : [url.slice(0, at), url.slice(at)];
}

/** Bull Board's page links IBM Plex from fonts.googleapis.com: unreachable offline, and no third party sees who opens the board. */
const GOOGLE_FONTS = /<link[^>]*fonts\.googleapis\.com[^>]*>/g;

type Render = (path: string, options: object, callback: (error: Error | null, html?: string) => void) => void;

/** Bull Board on every BullMQ queue (QueueName) at /admin/queues, behind adminOnly. */
export function mountBullBoard(app: INestApplication): void {
  const queues = Object.values(QueueName).map((name) => app.get<Queue>(getQueueToken(name), { strict: false }));
  const serverAdapter = new ExpressAdapter().setBasePath(BULL_BOARD_PATH);
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue)), serverAdapter, options: { uiConfig: { boardTitle: 'Oefenkansen' } } });
  const board = serverAdapter.getRouter() as { engines: Record<string, Render>; engine(ext: string, render: Render): void };
  const render = board.engines['.ejs'];
  board.engine('ejs', (path, options, callback) => render(path, options, (error, html) => callback(error, html?.replace(GOOGLE_FONTS, ''))));
  app.use(BULL_BOARD_PATH, adminOnly(app.get(UsersService, { strict: false })), toTrailingSlash, board);
}
