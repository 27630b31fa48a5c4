import { createHash } from 'node:crypto';
import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { resolveMessageLanguage, SHIFT_FEED_NAMES, SHIFT_ROLE_LABELS, type MessageLanguage } from '@app/messaging';
import { type CalendarFeedWords, VolunteersService } from '@app/volunteers';

/** A volunteer's shifts as an iCalendar feed that calendar apps subscribe to; the secret path is the key. */
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly volunteers: VolunteersService) {}

  @Get(':file')
  async feed(@Param('file') file: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const token = file.endsWith('.ics') ? file.slice(0, -4) : file;
    const calendar = await this.volunteers.calendarFeed(token, FEED_WORDS);
    // Unknown and revoked tokens look the same: nothing tells a guesser which existed. The
    // text/calendar type is set only below, so this JSON 404 is labelled as JSON.
    if (calendar === null) throw new NotFoundException();
    // The feed's bytes are stable while nothing changes (DTSTAMP is the last change), so a hash of
    // them is a strong validator; calendar apps poll often and should mostly get an empty 304.
    const etag = `"${createHash('sha256').update(calendar).digest('base64url').slice(0, 27)}"`;
    response.setHeader('etag', etag);
    response.setHeader('cache-control', 'private, max-age=300');
    if (matches(request.headers['if-none-match'], etag)) {
      response.status(304).end();
      return;
    }
    response.setHeader('content-type', 'text/calendar; charset=utf-8');
    response.status(200).send(calendar);
  }
}

/** If-None-Match compares weakly (RFC 9110 §13.1.2): W/ prefixes do not matter, `*` matches any. */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

/** Dutch when the volunteer's language has no catalogue. */
const catalogueLanguage = (language: string) => (resolveMessageLanguage(language) ?? 'nl') as MessageLanguage;

/** The feed's name and a VolunteerSkill in the volunteer's language; an unknown skill value stays as it is. */
const FEED_WORDS: CalendarFeedWords = {
  calendarName: (language) => SHIFT_FEED_NAMES[catalogueLanguage(language)],
  roleLabel: (role, language) => (SHIFT_ROLE_LABELS[catalogueLanguage(language)] as Record<string, string>)[role] ?? role,
};
