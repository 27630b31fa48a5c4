import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import ical from 'ical-generator';
import { UserEntity } from '@app/auth';
import { Actor, AppError, Clock, validate, Role } from '@app/common';
import { normaliseLanguage, normalisePhone } from '@app/registrations';
import { Daypart, ScreeningStatus, VolunteerAbsenceEntity, VolunteerProfileEntity, VolunteerSkill } from '../entities';
import { brusselsDay } from '../shifts/availability';
import { volunteersPolicy } from '../volunteers-policy';
import { VolunteersRepository } from './volunteers.repository';

export interface VolunteerProfileCommand {
  phone?: string | null;
  languages?: string[] | null;
  skills?: VolunteerSkill[] | null;
  availableWeekdays?: number[] | null;
  availableDayparts?: Daypart[] | null;
  neighbourhood?: string | null;
  screeningStatus?: ScreeningStatus | null;
  screeningDate?: string | null;
  trainings?: string[] | null;
}

export interface AbsenceCommand {
  startsOn: string;
  endsOn: string;
  reason?: string | null;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Volunteer profiles, periods away and the personal iCalendar feed. */
@Injectable()
export class VolunteersService {
  constructor(
    private readonly volunteers: VolunteersRepository,
    private readonly clock: Clock,
  ) {}

  /** Creates or changes a VOLUNTEER user's profile; screening and trainings are set by coordinators only. */
  async saveProfile(actor: Actor | null, volunteerId: string, command: VolunteerProfileCommand): Promise<VolunteerProfileEntity> {
    const userId = validate.uuid('volunteerId', volunteerId);
    const viewer = volunteersPolicy.requireSelfOrCoordinator(actor, userId, 'change a volunteer profile');
    await this.requireVolunteer(userId);
    if (!volunteersPolicy.isCoordinator(viewer) && (command.screeningStatus != null || command.screeningDate != null || command.trainings != null)) {
      throw AppError.forbidden('Only coordinators record screening and trainings');
    }
    const changes: Partial<VolunteerProfileEntity> = {};
    if (command.phone !== undefined) changes.phone = command.phone?.trim() ? normalisePhone('phone', command.phone) : null;
    if (command.languages != null) changes.languages = unique(listOf('languages', command.languages, 25).map((tag) => normaliseLanguage('languages', tag)));
    if (command.skills != null) changes.skills = unique(listOf('skills', command.skills, 10));
    if (command.availableWeekdays != null)
      changes.availableWeekdays = unique(
        listOf('availableWeekdays', command.availableWeekdays, 7).map((day) => validate.int('availableWeekdays', day, 1, 7)),
      ).sort();
    if (command.availableDayparts != null) changes.availableDayparts = unique(listOf('availableDayparts', command.availableDayparts, 3));
    if (command.neighbourhood !== undefined) changes.neighbourhood = validate.optionalText('neighbourhood', command.neighbourhood, 100);
    if (command.screeningStatus != null) changes.screeningStatus = command.screeningStatus;
    if (command.screeningDate !== undefined) changes.screeningDate = this.pastOrToday('screeningDate', command.screeningDate ?? null);
    if (command.trainings != null)
      changes.trainings = unique(listOf('trainings', command.trainings, 30).map((training) => validate.text('trainings', training, { max: 200 })));
    return this.volunteers.saveProfile(userId, changes);
  }

  /** Every active volunteer's profile (those who have one), for the coordinators' list. */
  async listProfiles(actor: Actor | null): Promise<VolunteerProfileEntity[]> {
    volunteersPolicy.requireCoordinator(actor, 'list volunteer profiles');
    const volunteers = await this.volunteers.activeVolunteers();
    return this.volunteers.profilesByUserIds(volunteers.map((user) => user.id));
  }

  async findProfile(actor: Actor | null, volunteerId: string): Promise<VolunteerProfileEntity | null> {
    const userId = validate.uuid('volunteerId', volunteerId);
    if (!actor) throw AppError.unauthenticated();
    if (!volunteersPolicy.canSeeVolunteer(actor, userId)) throw AppError.forbidden("Only coordinators and the volunteer themself see a volunteer's profile");
    return this.volunteers.findProfile(userId);
  }

  /** Every active VOLUNTEER user, with or without a profile, by name. Coordinators. */
  async listVolunteers(actor: Actor | null): Promise<UserEntity[]> {
    volunteersPolicy.requireCoordinator(actor, 'list volunteers');
    return this.volunteers.activeVolunteers();
  }

  /** How many active volunteers still lack a received screening, for the coordinators' dashboard. */
  countUnscreenedVolunteers(actor: Actor | null): Promise<number> {
    volunteersPolicy.requireCoordinator(actor, 'count unscreened volunteers');
    return this.volunteers.countUnscreenedVolunteers();
  }

  async addAbsence(actor: Actor | null, volunteerId: string, command: AbsenceCommand): Promise<VolunteerAbsenceEntity> {
    const userId = validate.uuid('volunteerId', volunteerId);
    volunteersPolicy.requireSelfOrCoordinator(actor, userId, 'record periods away');
    if (command.endsOn < command.startsOn) throw AppError.badInput('endsOn must not be before startsOn', 'endsOn');
    if (!(await this.volunteers.userExists(userId))) throw AppError.notFound('Volunteer', userId);
    return this.volunteers.addAbsence({
      userId,
      startsOn: command.startsOn,
      endsOn: command.endsOn,
      reason: validate.optionalText('reason', command.reason, 200),
    });
  }

  async removeAbsence(actor: Actor | null, absenceId: string): Promise<boolean> {
    const id = validate.uuid('id', absenceId);
    const absence = await this.volunteers.findAbsence(id);
    if (!absence) throw AppError.notFound('VolunteerAbsence', id);
    volunteersPolicy.requireSelfOrCoordinator(actor, absence.userId, 'remove periods away');
    await this.volunteers.removeAbsence(id);
    return true;
  }

  /**
   * A new secret feed URL token for the volunteer's calendar; the old one stops working. Only the
   * hash is stored, so the token is shown once.
   */
  async issueCalendarToken(actor: Actor | null, volunteerId: string): Promise<string> {
    const userId = validate.uuid('volunteerId', volunteerId);
    volunteersPolicy.requireSelfOrCoordinator(actor, userId, 'manage a calendar feed');
    // An unknown id would otherwise fail on the foreign key (a 500), and anyone else would get a volunteer profile.
    await this.requireVolunteer(userId);
    const token = randomBytes(24).toString('base64url');
    await this.volunteers.setCalendarTokenHash(userId, hashToken(token));
    return token;
  }

  async revokeCalendarToken(actor: Actor | null, volunteerId: string): Promise<boolean> {
    const userId = validate.uuid('volunteerId', volunteerId);
    volunteersPolicy.requireSelfOrCoordinator(actor, userId, 'manage a calendar feed');
    // A mistyped id must not look like a revoked feed. Any user, not only a volunteer: someone who
    // is no longer one can still have a live feed to revoke.
    if (!(await this.volunteers.userExists(userId))) throw AppError.notFound('Volunteer', userId);
    await this.volunteers.clearCalendarTokenHash(userId);
    return true;
  }

  /**
   * The iCalendar feed of a volunteer's held shifts (from 30 days ago), or null for an unknown or
   * revoked token. `words` gives the calendar's name and a VolunteerSkill in the volunteer's
   * language (the catalogues live in the notifications lib, which depends on this one, so the
   * caller passes them in).
   */
  async calendarFeed(token: string, words: CalendarFeedWords = UNTRANSLATED_FEED_WORDS): Promise<string | null> {
    if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) return null;
    const profile = await this.volunteers.profileByCalendarTokenHash(hashToken(token));
    if (!profile) return null;
    const language = (await this.volunteers.findUser(profile.userId))?.preferredLanguage ?? 'nl';
    const shifts = await this.volunteers.feedShifts(profile.userId, this.clock.now());
    // No calendar time zone: ical-generator would then write plain Dates as floating local times
    // (no TZID, no Z), read as the wrong hour; UTC times show right in every calendar app.
    // DTSTAMP is the item's last change, not "now": an unchanged feed is then the same bytes, so its
    // ETag holds and a polling calendar app gets a 304. SEQUENCE is the assignment's, as in the shift
    // reminder's .ics (same UID). A shift that is cancelled or no longer the volunteer's is left out
    // rather than sent as STATUS:CANCELLED: a subscribed feed replaces the app's copy on each poll, so
    // the entry goes, while several apps would show a CANCELLED one as if it still took place.
    return ical({
      name: words.calendarName(language),
      events: shifts.map((shift) => ({
        id: shift.id,
        start: new Date(shift.starts_at),
        end: new Date(shift.ends_at),
        stamp: new Date(shift.changed_at),
        lastModified: new Date(shift.changed_at),
        sequence: shift.sequence,
        summary: shift.title,
        description: [words.roleLabel(shift.role, language), shift.notes].filter(Boolean).join('\n'),
        location: shift.location ?? undefined,
      })),
    }).toString();
  }

  /** A certificate is received on a day that has come; a date ahead is a typing mistake. */
  private pastOrToday(field: string, date: string | null): string | null {
    if (date !== null && date > brusselsDay(this.clock.now())) throw AppError.badInput(`${field} must not be in the future`, field);
    return date;
  }

  /** NOT_FOUND for an unknown id and for a user who is not a volunteer. */
  private async requireVolunteer(userId: string): Promise<void> {
    const user = await this.volunteers.findUser(userId);
    if (!user || !user.roles.includes(Role.VOLUNTEER)) throw AppError.notFound('Volunteer', userId);
  }

  profilesByUserIds(userIds: readonly string[]): Promise<VolunteerProfileEntity[]> {
    return this.volunteers.profilesByUserIds(userIds);
  }

  absencesByUserIds(userIds: readonly string[]): Promise<VolunteerAbsenceEntity[]> {
    return this.volunteers.absencesByUserIds(userIds);
  }
}

/** The words of a volunteer's calendar feed in their language. */
export interface CalendarFeedWords {
  calendarName(language: string): string;
  roleLabel(role: string, language: string): string;
}

const UNTRANSLATED_FEED_WORDS: CalendarFeedWords = { calendarName: () => 'Oefenkansen', roleLabel: (role) => role };

function listOf<T>(field: string, values: T[], max: number): T[] {
  if (values.length > max) throw AppError.badInput(`${field} may list at most ${max} values`, field);
  return values;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}
