import { Controller, Get, Header, NotFoundException, Param } from '@nestjs/common';
import { VolunteersService } from '@app/volunteers';

/** A volunteer's shifts as an iCalendar feed that calendar apps subscribe to; the secret path is the key. */
@Controller('calendar')
export class CalendarFeedController {
  constructor(private readonly volunteers: VolunteersService) {}

  @Get(':file')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @Header('cache-control', 'private, max-age=300')
  async feed(@Param('file') file: string): Promise<string> {
    const token = file.endsWith('.ics') ? file.slice(0, -4) : file;
    const calendar = await this.volunteers.calendarFeed(token);
    // Unknown and revoked tokens look the same: nothing tells a guesser which existed.
    if (calendar === null) throw new NotFoundException();
    return calendar;
  }
}
