/**
 * Kortrijk demo data, written through the same domain services the API uses, so the demo
 * obeys every rule the product does. Names of schools and centres are illustrative.
 */
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DateTime } from 'luxon';
import { AuthModule, UsersService } from '@app/auth';
import { Actor, ClockModule } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { ContactChannel, DatabaseModule, OrganisationKind, ProgrammeKind, Role } from '@app/database';
import { RegistrationsModule, RegistrationsService } from '@app/registrations';
import { ClosuresService, SessionsService, OrganisationsService, ProgrammesService, SchedulingModule, SessionSeriesService, VenuesService, endOfSchoolYear, SCHEDULE_ZONE } from '@app/scheduling';

export const DEMO_PASSWORD = 'kortrijk-demo-2026';

export interface DemoLogin {
  role: string;
  email: string;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

const SCHOOLS = [
  { name: 'Basisschool De Vlieger', street: 'Overleiestraat 12', day: 'MO' },
  { name: 'Basisschool Sint-Jan', street: 'Sint-Jansstraat 5', day: 'TU' },
  { name: 'Stedelijke Basisschool Het Spoor', street: 'Stationsplein 3', day: 'TU' },
  { name: 'Basisschool De Regenboog', street: 'Venning 40', day: 'WE' },
  { name: 'Basisschool De Zonnebloem', street: 'Heulsekasteelstraat 8', day: 'TH' },
  { name: 'Basisschool Mozaïek', street: 'Langemunt 21', day: 'TH' },
  { name: 'Basisschool De Leie', street: 'Handboogstraat 2', day: 'FR' },
] as const;

const CENTRES = [
  { name: 'Wijkcentrum Overleie', street: 'Leiestraat 100', day: 'TU', time: '19:00', kind: OrganisationKind.NEIGHBOURHOOD_CENTRE },
  { name: 'Wijkcentrum Sint-Jan', street: 'Kapel ter Bede 2', day: 'WE', time: '14:00', kind: OrganisationKind.NEIGHBOURHOOD_CENTRE },
  { name: 'Wijkcentrum Venning', street: 'Sint-Denijsestraat 60', day: 'TH', time: '09:30', kind: OrganisationKind.NEIGHBOURHOOD_CENTRE },
  { name: 'Wijkcentrum Heule', street: 'Peperstraat 4', day: 'MO', time: '13:30', kind: OrganisationKind.NEIGHBOURHOOD_CENTRE },
  { name: 'Huis van het Kind (Kind en Gezin)', street: 'Budastraat 27', day: 'FR', time: '10:00', kind: OrganisationKind.KIND_EN_GEZIN },
] as const;

@Module({})
class DemoSeedModule {}

/** The first given weekday on or after a date, at a Brussels wall-clock time. */
function firstWeekday(from: DateTime, weekday: (typeof WEEKDAYS)[number], time: string): Date {
  const [hour, minute] = time.split(':').map(Number);
  let day = from.setZone(SCHEDULE_ZONE).set({ hour, minute, second: 0, millisecond: 0 });
  while (WEEKDAYS[day.weekday - 1] !== weekday) day = day.plus({ days: 1 });
  return day.toJSDate();
}

/** Seeds the demo when the database has no programmes yet; returns false when it was already seeded. */
export async function seedKortrijkDemo(config: AppConfig, now = new Date()): Promise<{ seeded: boolean; logins: DemoLogin[] }> {
  const app = await NestFactory.createApplicationContext(
    {
      module: DemoSeedModule,
      imports: [ConfigModule.forRoot('api', config), ClockModule, DatabaseModule.forRoot('oefenkansen-demo-seed'), AuthModule, SchedulingModule, RegistrationsModule],
    },
    { logger: ['error', 'warn'] },
  );
  const logins: DemoLogin[] = [
    { role: 'ADMIN', email: config.adminEmail },
    ...([['coordinator', 'COORDINATOR'], ['host', 'HOST'], ['school', 'SCHOOL_CONTACT'], ['festival', 'FESTIVAL_ORGANISER'], ['volunteer', 'VOLUNTEER']] as const).map(([who, role]) => ({ role, email: `${who}@oefenkansen.demo` })),
  ];
  try {
    const users = app.get(UsersService);
    const programmes = app.get(ProgrammesService);
    const admin = await users.ensureAdmin();
    if ((await programmes.listProgrammes(true)).length > 0) return { seeded: false, logins };
    const actor: Actor = { userId: admin.id, roles: [Role.ADMIN], organisationId: null };
    const organisations = app.get(OrganisationsService);
    const venues = app.get(VenuesService);
    const series = app.get(SessionSeriesService);
    const closures = app.get(ClosuresService);

    const schoolbabbel = await programmes.createProgramme(actor, { name: 'Schoolbabbel', kind: ProgrammeKind.TABLE, description: 'Weekly Dutch conversation for parents at school, after drop-off.', defaultCapacity: 12 });
    const praattafel = await programmes.createProgramme(actor, { name: 'Praattafel', kind: ProgrammeKind.TABLE, description: 'Practise Dutch over coffee in your neighbourhood.', defaultCapacity: 10 });
    const dialoogtafel = await programmes.createProgramme(actor, { name: 'Dialoogtafel', kind: ProgrammeKind.TABLE, description: 'A themed dialogue between newcomers and long-time residents.', defaultCapacity: 16 });
    const babbelPlus = await programmes.createProgramme(actor, { name: 'Babbel+', kind: ProgrammeKind.TABLE, description: 'Extra practice for those who want more.', defaultCapacity: 8 });
    const zomerschool = await programmes.createProgramme(actor, { name: 'Zomerschool', kind: ProgrammeKind.SERIES_COURSE, description: 'Two weeks of Dutch for children in July.', defaultCapacity: 20, reminderOffsetsMinutes: [1440] });

    const city = await organisations.createOrganisation(actor, { name: 'Stad Kortrijk – Integratiedienst', kind: OrganisationKind.CITY });
    const association = await organisations.createOrganisation(actor, { name: 'Vereniging Afghaanse Gemeenschap Kortrijk', kind: OrganisationKind.ASSOCIATION });
    const stadhuis = await venues.createVenue(actor, { organisationId: city.id, name: 'Stadhuis, raadzaal', address: 'Grote Markt 54, 8500 Kortrijk' });
    const bibliotheek = await venues.createVenue(actor, { organisationId: city.id, name: 'Bibliotheek, leeszaal', address: 'Leiestraat 30, 8500 Kortrijk' });

    const coordinator = await users.createUser(actor, { email: 'coordinator@oefenkansen.demo', password: DEMO_PASSWORD, displayName: 'Sara (integratiedienst)', roles: [Role.COORDINATOR] });
    const host = await users.createUser(actor, { email: 'host@oefenkansen.demo', password: DEMO_PASSWORD, displayName: 'Luc (praattafel)', roles: [Role.HOST] });
    await users.createUser(actor, { email: 'festival@oefenkansen.demo', password: DEMO_PASSWORD, displayName: 'Farid (vereniging)', roles: [Role.FESTIVAL_ORGANISER], organisationId: association.id });
    const volunteer = await users.createUser(actor, { email: 'volunteer@oefenkansen.demo', password: DEMO_PASSWORD, displayName: 'Marie (vrijwilliger)', roles: [Role.VOLUNTEER] });

    const nextSchoolYear = DateTime.fromJSDate(endOfSchoolYear(now), { zone: SCHEDULE_ZONE });
    const schoolYearStart = nextSchoolYear.minus({ years: 1 });
    const julyFirst = nextSchoolYear.set({ month: 7, day: 1 });
    const schoolYearEnd = `${julyFirst.minus({ days: 1 }).toFormat('yyyyMMdd')}T235959Z`;
    const firstSchool = { id: '', seriesId: '', contactId: '' };
    for (const [index, school] of SCHOOLS.entries()) {
      const organisation = await organisations.createOrganisation(actor, { name: school.name, kind: OrganisationKind.SCHOOL });
      const venue = await venues.createVenue(actor, { organisationId: organisation.id, name: 'Refter', address: `${school.street}, 8500 Kortrijk`, capacityLimit: 30 });
      if (index === 0) {
        firstSchool.id = organisation.id;
        const contact = await users.createUser(actor, { email: 'school@oefenkansen.demo', password: DEMO_PASSWORD, displayName: 'Els (zorgcoördinator)', roles: [Role.SCHOOL_CONTACT], organisationId: organisation.id });
        firstSchool.contactId = contact.id;
      }
      const created = await series.createSeries(actor, {
        programmeId: schoolbabbel.id,
        venueId: venue.id,
        title: `Schoolbabbel ${school.name.replace(/^(Stedelijke )?Basisschool /, '')}`,
        rrule: `FREQ=WEEKLY;BYDAY=${school.day};UNTIL=${schoolYearEnd}`,
        firstStartsAt: firstWeekday(schoolYearStart, school.day, '08:45'),
        durationMinutes: 90,
        hostIds: index < 2 ? [host.id] : [],
        skipSchoolHolidays: true,
      });
      if (index === 0) firstSchool.seriesId = created.id;
    }
    // A school's own free day (a pedagogical study day), which its schoolbabbel skips.
    const studyDay = firstWeekday(DateTime.fromJSDate(now).plus({ weeks: 3 }), 'MO', '08:45');
    await closures.addClosureDay(actor, { organisationId: firstSchool.id, date: DateTime.fromJSDate(studyDay, { zone: SCHEDULE_ZONE }).toISODate()!, label: 'Pedagogische studiedag' });

    for (const centre of CENTRES) {
      const organisation = await organisations.createOrganisation(actor, { name: centre.name, kind: centre.kind });
      const venue = await venues.createVenue(actor, { organisationId: organisation.id, name: 'Ontmoetingsruimte', address: `${centre.street}, 8500 Kortrijk` });
      await series.createSeries(actor, {
        programmeId: praattafel.id,
        venueId: venue.id,
        title: `Praattafel ${centre.name.replace(/^Wijkcentrum /, '')}`,
        rrule: `FREQ=WEEKLY;BYDAY=${centre.day}`,
        firstStartsAt: firstWeekday(schoolYearStart, centre.day, centre.time),
        durationMinutes: 90,
        hostIds: [host.id, volunteer.id],
        skipSchoolHolidays: centre.kind === OrganisationKind.KIND_EN_GEZIN,
      });
    }
    await series.createSeries(actor, {
      programmeId: dialoogtafel.id,
      venueId: stadhuis.id,
      title: 'Dialoogtafel',
      rrule: 'FREQ=MONTHLY;BYDAY=+1TH',
      firstStartsAt: firstWeekday(schoolYearStart, 'TH', '19:30'),
      durationMinutes: 120,
      hostIds: [coordinator.id],
      skipSchoolHolidays: true,
    });
    await series.createSeries(actor, {
      programmeId: babbelPlus.id,
      venueId: bibliotheek.id,
      title: 'Babbel+',
      rrule: 'FREQ=WEEKLY;BYDAY=SA',
      firstStartsAt: firstWeekday(schoolYearStart, 'SA', '10:00'),
      durationMinutes: 60,
      hostIds: [volunteer.id],
    });
    await series.createSeries(actor, {
      programmeId: zomerschool.id,
      venueId: bibliotheek.id,
      title: 'Zomerschool',
      rrule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;COUNT=10',
      firstStartsAt: firstWeekday(julyFirst, 'MO', '09:00'),
      durationMinutes: 360,
      capacity: 20,
      hostIds: [coordinator.id],
    });
    const schoolContact: Actor = { userId: firstSchool.contactId, roles: [Role.SCHOOL_CONTACT], organisationId: firstSchool.id };
    await seedParents(app.get(RegistrationsService), (sessionId) => app.get(SessionsService).updateSessionCapacity(actor, sessionId, 4), schoolContact, firstSchool.seriesId);
    return { seeded: true, logins };
  } finally {
    await app.close();
  }
}

/**
 * Parents registered by the school contact for every upcoming schoolbabbel of De Vlieger, with
 * only 4 seats at the next one: the demo opens with a full table and a waiting list to watch move.
 */
async function seedParents(registrations: RegistrationsService, makeSmall: (sessionId: string) => Promise<unknown>, schoolContact: Actor, seriesId: string): Promise<void> {
  const parents = [
    { firstName: 'Amina', lastName: 'El Idrissi', preferredLanguage: 'ar', phone: '0470 12 34 56', contactChannel: ContactChannel.SMS, consentToContact: true },
    { firstName: 'Olena', lastName: 'Kovalenko', preferredLanguage: 'uk', email: 'olena.k@example.org', contactChannel: ContactChannel.EMAIL, consentToContact: true },
    { firstName: 'Hamid', preferredLanguage: 'prs', contactChannel: ContactChannel.VIA_ORGANISATION, consentToContact: false },
    { firstName: 'Fadumo', lastName: 'Abdi', preferredLanguage: 'so', contactChannel: ContactChannel.VIA_ORGANISATION, consentToContact: false },
    { firstName: 'Irina', preferredLanguage: 'ru', phone: '+32 485 55 44 33', contactChannel: ContactChannel.SMS, consentToContact: true },
    { firstName: 'Ioana', lastName: 'Popescu', preferredLanguage: 'ro', contactChannel: ContactChannel.NONE, consentToContact: false },
  ];
  const [next] = await registrations.registerParticipantForSeries(schoolContact, { seriesId, participant: parents[0] });
  await makeSmall(next.sessionId);
  for (const participant of parents.slice(1)) await registrations.registerParticipantForSeries(schoolContact, { seriesId, participant });
}
