/**
 * Kortrijk demo data, written through the same domain services the API uses, so the demo
 * obeys every rule the product does. Names of schools, centres and associations are illustrative.
 */
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AuthModule, UsersService, UserEntity } from '@app/auth';
import { Actor, ClockModule, Role } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { DatabaseModule } from '@app/database';
import {
  FESTIVAL_ZONE,
  FestivalEditionsService,
  FestivalMessagesModule,
  FestivalModule,
  sinksenfeesten,
  StandBookingsService,
  StandPlotsService,
  StandOffering,
} from '@app/festival';
import { OrganisationKind } from '@app/organisations';
import { RegistrationsModule, RegistrationsService, ContactChannel } from '@app/registrations';
import {
  ClosuresService,
  SessionsService,
  OrganisationsService,
  ProgrammesService,
  SchedulingModule,
  SessionSeriesService,
  VenuesService,
  endOfSchoolYear,
  SCHEDULE_ZONE,
  ProgrammeKind,
  SessionEntity,
} from '@app/scheduling';
import {
  ShiftsService,
  VolunteerProfileCommand,
  VolunteersModule,
  VolunteersService,
  Daypart,
  ScreeningStatus,
  ShiftEntity,
  ShiftMessagesModule,
  VolunteerSkill,
} from '@app/volunteers';
import { ENTITIES } from '../apps/api/src/entities';
import { DemoPersonalLink, demoPersonalLink } from './demo-seed/personal-link';
import { seedPicnikTrajectories } from './demo-seed/picnik';
import { FMDO } from './demo-seed/picnik-history';

export const DEMO_PASSWORD = 'kortrijk-demo-2026';

export interface DemoLogin {
  role: string;
  email: string;
}

const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

// Fictional Kortrijk (056) numbers. Organisations without one show that messages fall back to CONTACT_PHONE.
const SCHOOLS = [
  { name: 'Basisschool De Vlieger', street: 'Overleiestraat 12', day: 'MO', phone: '056 21 43 17' },
  { name: 'Basisschool Sint-Jan', street: 'Sint-Jansstraat 5', day: 'TU', phone: '056 22 58 04' },
  { name: 'Stedelijke Basisschool Het Spoor', street: 'Stationsplein 3', day: 'TU', phone: '056 27 61 90' },
  { name: 'Basisschool De Regenboog', street: 'Venning 40', day: 'WE', phone: '056 20 37 45' },
  { name: 'Basisschool De Zonnebloem', street: 'Heulsekasteelstraat 8', day: 'TH', phone: null },
  { name: 'Basisschool Mozaïek', street: 'Langemunt 21', day: 'TH', phone: '056 25 19 62' },
  { name: 'Basisschool De Leie', street: 'Handboogstraat 2', day: 'FR', phone: null },
] as const;

const CENTRES = [
  { name: 'Wijkcentrum Overleie', street: 'Leiestraat 100', day: 'TU', time: '19:00', kind: OrganisationKind.NEIGHBOURHOOD_CENTRE, phone: '056 27 83 10' },
  { name: 'Wijkcentrum Sint-Jan', street: 'Kapel ter Bede 2', day: 'WE', time: '14:00', kind: OrganisationKind.NEIGHBOURHOOD_CENTRE, phone: '056 27 83 20' },
  {
    name: 'Wijkcentrum Venning',
    street: 'Sint-Denijsestraat 60',
    day: 'TH',
    time: '09:30',
    kind: OrganisationKind.NEIGHBOURHOOD_CENTRE,
    phone: '056 27 83 30',
  },
  { name: 'Wijkcentrum Heule', street: 'Peperstraat 4', day: 'MO', time: '13:30', kind: OrganisationKind.NEIGHBOURHOOD_CENTRE, phone: null },
  { name: 'Huis van het Kind (Kind en Gezin)', street: 'Budastraat 27', day: 'FR', time: '10:00', kind: OrganisationKind.KIND_EN_GEZIN, phone: '056 24 08 51' },
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
export async function seedKortrijkDemo(
  config: AppConfig,
  now = new Date(),
): Promise<{ seeded: boolean; logins: DemoLogin[]; personalLink: DemoPersonalLink | null }> {
  const app = await NestFactory.createApplicationContext(
    {
      module: DemoSeedModule,
      // The organisers' stand messages and the volunteers' shift reminders go to the outbox in the
      // transaction of the booking or assignment, as in the API.
      imports: [
        ConfigModule.forRoot('api', config),
        ClockModule,
        DatabaseModule.forRoot('oefenkansen-demo-seed', ENTITIES),
        AuthModule,
        SchedulingModule,
        RegistrationsModule,
        FestivalModule,
        VolunteersModule,
        FestivalMessagesModule,
        ShiftMessagesModule,
      ],
    },
    { logger: ['error', 'warn'] },
  );
  const logins: DemoLogin[] = [
    { role: 'ADMIN', email: config.adminEmail },
    ...(
      [
        ['coordinator', 'COORDINATOR'],
        ['host', 'HOST'],
        ['school', 'SCHOOL_CONTACT'],
        ['festival', 'FESTIVAL_ORGANISER'],
        ['volunteer', 'VOLUNTEER'],
      ] as const
    ).map(([who, role]) => ({ role, email: `${who}@oefenkansen.demo` })),
  ];
  try {
    const users = app.get(UsersService);
    const programmes = app.get(ProgrammesService);
    const admin = await users.ensureAdmin();
    // The festival and the volunteers have their own checks, so a demo folder seeded before they existed gains them too.
    if ((await programmes.listProgrammes(true)).length > 0) {
      const festival = await seedFestival(app, now);
      const volunteers = await seedVolunteers(app, now);
      const personalLink = await demoPersonalLink(app, { userId: admin.id, roles: [Role.ADMIN], organisationId: null }, now);
      return { seeded: festival || volunteers, logins, personalLink };
    }
    const actor: Actor = { userId: admin.id, roles: [Role.ADMIN], organisationId: null };
    const organisations = app.get(OrganisationsService);
    const venues = app.get(VenuesService);
    const series = app.get(SessionSeriesService);
    const closures = app.get(ClosuresService);

    // The languages besides Dutch that someone at the table helps in (the schedule's language filter
    // also counts the hosts' own languages: Marie, who co-hosts the praattafels and Babbel+, adds French and English).
    const schoolbabbel = await programmes.createProgramme(actor, {
      name: 'Schoolbabbel',
      kind: ProgrammeKind.TABLE,
      description: 'Weekly Dutch conversation for parents at school, after drop-off.',
      defaultCapacity: 12,
      languages: ['nl', 'ar', 'tr', 'prs', 'ps'],
    });
    const praattafel = await programmes.createProgramme(actor, {
      name: 'Praattafel',
      kind: ProgrammeKind.TABLE,
      description: 'Practise Dutch over coffee in your neighbourhood.',
      defaultCapacity: 10,
      languages: ['nl', 'uk', 'ru', 'ro', 'so'],
    });
    const dialoogtafel = await programmes.createProgramme(actor, {
      name: 'Dialoogtafel',
      kind: ProgrammeKind.TABLE,
      description: 'A themed dialogue between newcomers and long-time residents.',
      defaultCapacity: 16,
      languages: ['nl', 'fr', 'en'],
    });
    const babbelPlus = await programmes.createProgramme(actor, {
      name: 'Babbel+',
      kind: ProgrammeKind.TABLE,
      description: 'Extra practice for those who want more.',
      defaultCapacity: 8,
      languages: ['nl', 'ar', 'so'],
    });
    const zomerschool = await programmes.createProgramme(actor, {
      name: 'Zomerschool',
      kind: ProgrammeKind.SERIES_COURSE,
      description: 'Two weeks of Dutch for children in July.',
      defaultCapacity: 20,
      reminderOffsetsMinutes: [1440],
      languages: ['nl', 'uk', 'ar'],
    });

    const city = await organisations.createOrganisation(actor, {
      name: 'Stad Kortrijk – Integratiedienst',
      kind: OrganisationKind.CITY,
      phone: '056 27 74 00',
    });
    const association = await organisations.createOrganisation(actor, {
      name: 'Vereniging Afghaanse Gemeenschap Kortrijk',
      kind: OrganisationKind.ASSOCIATION,
    });
    const stadhuis = await venues.createVenue(actor, { organisationId: city.id, name: 'Stadhuis, raadzaal', address: 'Grote Markt 54, 8500 Kortrijk' });
    const bibliotheek = await venues.createVenue(actor, { organisationId: city.id, name: 'Bibliotheek, leeszaal', address: 'Leiestraat 30, 8500 Kortrijk' });

    const coordinator = await users.createUser(actor, {
      email: 'coordinator@oefenkansen.demo',
      password: DEMO_PASSWORD,
      displayName: 'Sara (integratiedienst)',
      roles: [Role.COORDINATOR],
    });
    const host = await users.createUser(actor, {
      email: 'host@oefenkansen.demo',
      password: DEMO_PASSWORD,
      displayName: 'Luc (praattafel)',
      roles: [Role.HOST],
    });
    await users.createUser(actor, {
      email: 'festival@oefenkansen.demo',
      password: DEMO_PASSWORD,
      displayName: 'Farid (vereniging)',
      roles: [Role.FESTIVAL_ORGANISER],
      organisationId: association.id,
    });
    const volunteer = await users.createUser(actor, {
      email: 'volunteer@oefenkansen.demo',
      password: DEMO_PASSWORD,
      displayName: 'Marie (vrijwilliger)',
      roles: [Role.VOLUNTEER],
    });

    const nextSchoolYear = DateTime.fromJSDate(endOfSchoolYear(now), { zone: SCHEDULE_ZONE });
    const schoolYearStart = nextSchoolYear.minus({ years: 1 });
    const julyFirst = nextSchoolYear.set({ month: 7, day: 1 });
    const schoolYearEnd = `${julyFirst.minus({ days: 1 }).toFormat('yyyyMMdd')}T235959Z`;
    const firstSchool = { id: '', seriesId: '', contactId: '' };
    for (const [index, school] of SCHOOLS.entries()) {
      const organisation = await organisations.createOrganisation(actor, { name: school.name, kind: OrganisationKind.SCHOOL, phone: school.phone });
      const venue = await venues.createVenue(actor, {
        organisationId: organisation.id,
        name: 'Refter',
        address: `${school.street}, 8500 Kortrijk`,
        capacityLimit: 30,
      });
      if (index === 0) {
        firstSchool.id = organisation.id;
        const contact = await users.createUser(actor, {
          email: 'school@oefenkansen.demo',
          password: DEMO_PASSWORD,
          displayName: 'Els (zorgcoördinator)',
          roles: [Role.SCHOOL_CONTACT],
          organisationId: organisation.id,
        });
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
    await closures.addClosureDay(actor, {
      organisationId: firstSchool.id,
      date: DateTime.fromJSDate(studyDay, { zone: SCHEDULE_ZONE }).toISODate()!,
      label: 'Pedagogische studiedag',
    });

    for (const centre of CENTRES) {
      const organisation = await organisations.createOrganisation(actor, { name: centre.name, kind: centre.kind, phone: centre.phone });
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
    await seedParents(
      app.get(RegistrationsService),
      (sessionId) => app.get(SessionsService).updateSessionCapacity(actor, sessionId, 4),
      schoolContact,
      firstSchool.seriesId,
    );
    await seedFestival(app, now);
    await seedVolunteers(app, now);
    return { seeded: true, logins, personalLink: await demoPersonalLink(app, actor, now) };
  } finally {
    await app.close();
  }
}

/**
 * Parents registered by the school contact for every upcoming schoolbabbel of De Vlieger, with
 * only 4 seats at the next one: the demo opens with a full table and a waiting list to watch move.
 */
async function seedParents(
  registrations: RegistrationsService,
  makeSmall: (sessionId: string) => Promise<unknown>,
  schoolContact: Actor,
  seriesId: string,
): Promise<void> {
  const parents = [
    { firstName: 'Amina', lastName: 'El Idrissi', preferredLanguage: 'ar', phone: '0470 12 34 56', contactChannel: ContactChannel.SMS, consentToContact: true },
    {
      firstName: 'Olena',
      lastName: 'Kovalenko',
      preferredLanguage: 'uk',
      email: 'olena.k@example.org',
      contactChannel: ContactChannel.EMAIL,
      consentToContact: true,
    },
    { firstName: 'Hamid', preferredLanguage: 'prs', contactChannel: ContactChannel.VIA_ORGANISATION, consentToContact: false },
    { firstName: 'Fadumo', lastName: 'Abdi', preferredLanguage: 'so', contactChannel: ContactChannel.VIA_ORGANISATION, consentToContact: false },
    { firstName: 'Irina', preferredLanguage: 'ru', phone: '+32 485 55 44 33', contactChannel: ContactChannel.SMS, consentToContact: true },
    { firstName: 'Ioana', lastName: 'Popescu', preferredLanguage: 'ro', contactChannel: ContactChannel.NONE, consentToContact: false },
  ];
  const [next] = await registrations.registerParticipantForSeries(schoolContact, { seriesId, participant: parents[0] });
  await makeSmall(next.sessionId);
  for (const participant of parents.slice(1)) await registrations.registerParticipantForSeries(schoolContact, { seriesId, participant });
}

/** Festival days by their place in the edition: Friday evening, Saturday, Sunday, Whit Monday. */
type FestivalDay = 'FRI' | 'SAT' | 'SUN' | 'MON';

interface DemoStand {
  day: FestivalDay;
  plot: string;
  from: string;
  to: string;
  /** Left REQUESTED for the coordinator to decide on in the demo. */
  requested?: true;
}

interface DemoAssociation {
  /** Null: the demo association of festival@oefenkansen.demo, created with the users above. */
  name: string | null;
  organiser: { email: string; displayName: string; preferredLanguage: string } | null;
  offering: StandOffering;
  community: string;
  countryCode: string;
  description: string;
  needs: { needsPower?: boolean; needsWater?: boolean; cooking?: boolean };
  stands: DemoStand[];
}

const FESTIVAL_DAY_OFFSET: Record<FestivalDay, number> = { FRI: 0, SAT: 1, SUN: 2, MON: 3 };

/** Three rows of eight on the Grote Markt: food along the north side, culture in front of the Belfort, mixed along the south side. */
const PLOT_ROWS = [
  {
    row: 'A',
    mapY: 22,
    widthMetres: 4,
    depthMetres: 3,
    hasPower: true,
    hasWater: true,
    cookingAllowed: true,
    description: 'Food row, north side of the Grote Markt: power, water, cooking allowed',
  },
  {
    row: 'B',
    mapY: 48,
    widthMetres: 3,
    depthMetres: 3,
    hasPower: true,
    hasWater: false,
    cookingAllowed: false,
    description: 'Culture row in front of the Belfort: power for light and sound, no cooking',
  },
  {
    row: 'C',
    mapY: 74,
    widthMetres: 3,
    depthMetres: 3,
    hasPower: false,
    hasWater: false,
    cookingAllowed: false,
    description: 'Mixed row, south side towards the Sint-Maartenskerk',
  },
] as const;

/** C1 to C4 are larger food plots on the mixed row; C5 to C8 are plain. */
function plotOf(row: (typeof PLOT_ROWS)[number], index: number) {
  const foodOnMixedRow = row.row === 'C' && index < 4;
  return {
    code: `${row.row}${index + 1}`,
    description: foodOnMixedRow ? 'Mixed row, south side towards the Sint-Maartenskerk: power, water, cooking allowed' : row.description,
    widthMetres: foodOnMixedRow ? 4 : row.widthMetres,
    depthMetres: row.depthMetres,
    hasPower: row.hasPower || foodOnMixedRow,
    hasWater: row.hasWater || foodOnMixedRow,
    cookingAllowed: row.cookingAllowed || foodOnMixedRow,
    mapX: 12 + index * 11,
    mapY: row.mapY,
  };
}

const organiser = (slug: string, displayName: string, preferredLanguage: string) => ({
  email: `festival-${slug}@oefenkansen.demo`,
  displayName,
  preferredLanguage,
});

const FESTIVAL_ASSOCIATIONS: DemoAssociation[] = [
  {
    name: null,
    organiser: null,
    offering: StandOffering.FOOD_AND_CULTURE,
    community: 'Afghaanse gemeenschap',
    countryCode: 'AF',
    description: 'Bolani and kabuli palaw; rubab music on Whit Monday.',
    needs: { needsPower: true, needsWater: true, cooking: true },
    stands: [
      { day: 'SAT', plot: 'A1', from: '11:00', to: '23:00' },
      { day: 'SUN', plot: 'A1', from: '11:00', to: '23:00' },
      { day: 'MON', plot: 'B1', from: '15:00', to: '20:00', requested: true },
    ],
  },
  {
    name: 'Syrische Gemeenschap Kortrijk',
    organiser: organiser('syrie', 'Rania (Syrische gemeenschap)', 'ar'),
    offering: StandOffering.FOOD,
    community: 'Syrische gemeenschap',
    countryCode: 'SY',
    description: 'Falafel, fatteh and Aleppo sweets.',
    needs: { needsPower: true, needsWater: true, cooking: true },
    stands: [
      { day: 'FRI', plot: 'A2', from: '17:00', to: '23:00' },
      { day: 'SAT', plot: 'A2', from: '11:00', to: '23:00' },
    ],
  },
  {
    name: 'Marokkaanse Vereniging Kortrijk',
    organiser: organiser('marokko', 'Youssef (Marokkaanse vereniging)', 'ar'),
    offering: StandOffering.FOOD_AND_CULTURE,
    community: 'Marokkaanse gemeenschap',
    countryCode: 'MA',
    description: 'Mint tea, msemen and henna.',
    needs: { needsPower: true, needsWater: true, cooking: true },
    stands: [
      { day: 'SAT', plot: 'A3', from: '11:00', to: '23:00' },
      { day: 'SUN', plot: 'A3', from: '11:00', to: '23:00' },
    ],
  },
  {
    name: 'Oekraïense Gemeenschap Kortrijk',
    organiser: organiser('oekraine', 'Oksana (Oekraïense gemeenschap)', 'uk'),
    offering: StandOffering.CULTURE,
    community: 'Oekraïense gemeenschap',
    countryCode: 'UA',
    description: 'Vyshyvanka embroidery and pysanka egg painting for children.',
    needs: { needsPower: true },
    stands: [
      { day: 'SAT', plot: 'B2', from: '11:00', to: '19:00' },
      { day: 'SUN', plot: 'B2', from: '11:00', to: '15:00' },
    ],
  },
  {
    name: 'Turkse Vereniging Kortrijk',
    organiser: organiser('turkije', 'Emre (Turkse vereniging)', 'tr'),
    offering: StandOffering.FOOD,
    community: 'Turkse gemeenschap',
    countryCode: 'TR',
    description: 'Gözleme baked on the spot, Turkish tea.',
    needs: { needsPower: true, needsWater: true, cooking: true },
    stands: [
      { day: 'FRI', plot: 'A4', from: '17:00', to: '23:00' },
      { day: 'MON', plot: 'A4', from: '11:00', to: '20:00' },
    ],
  },
  {
    name: 'Congolese Vereniging Kortrijk',
    organiser: organiser('congo', 'Grâce (Congolese vereniging)', 'fr'),
    offering: StandOffering.CULTURE,
    community: 'Congolese gemeenschap',
    countryCode: 'CD',
    description: 'Rumba and wax-print fabrics.',
    needs: { needsPower: true },
    stands: [
      { day: 'FRI', plot: 'B3', from: '20:00', to: '23:00', requested: true },
      { day: 'SAT', plot: 'B3', from: '19:00', to: '23:00' },
    ],
  },
  {
    name: 'Eritrese Gemeenschap Kortrijk',
    organiser: organiser('eritrea', 'Senait (Eritrese gemeenschap)', 'ti'),
    offering: StandOffering.FOOD_AND_CULTURE,
    community: 'Eritrese gemeenschap',
    countryCode: 'ER',
    description: 'A coffee ceremony, injera with shiro.',
    needs: { needsPower: true, needsWater: true, cooking: true },
    stands: [{ day: 'SUN', plot: 'C1', from: '11:00', to: '19:00' }],
  },
  {
    name: 'Somalische Vereniging Kortrijk',
    organiser: organiser('somalie', 'Hodan (Somalische vereniging)', 'so'),
    offering: StandOffering.FOOD,
    community: 'Somalische gemeenschap',
    countryCode: 'SO',
    description: 'Sambuusa and spiced tea.',
    needs: { needsPower: true, needsWater: true, cooking: true },
    stands: [{ day: 'SUN', plot: 'A5', from: '11:00', to: '23:00', requested: true }],
  },
  {
    name: 'Roemeense Gemeenschap Kortrijk',
    organiser: organiser('roemenie', 'Andrei (Roemeense gemeenschap)', 'ro'),
    offering: StandOffering.CULTURE,
    community: 'Roemeense gemeenschap',
    countryCode: 'RO',
    description: 'Folk costumes and a hora for everyone.',
    needs: {},
    stands: [{ day: 'MON', plot: 'B4', from: '11:00', to: '15:00' }],
  },
  {
    name: 'Poolse Vereniging Kortrijk',
    organiser: organiser('polen', 'Agnieszka (Poolse vereniging)', 'pl'),
    offering: StandOffering.FOOD,
    community: 'Poolse gemeenschap',
    countryCode: 'PL',
    description: 'Pierogi and pączki.',
    needs: { needsPower: true, needsWater: true, cooking: true },
    stands: [{ day: 'SAT', plot: 'C2', from: '11:00', to: '23:00' }],
  },
  {
    name: 'Irakese Gemeenschap Kortrijk',
    organiser: organiser('irak', 'Ali (Irakese gemeenschap)', 'ar'),
    offering: StandOffering.FOOD,
    community: 'Irakese gemeenschap',
    countryCode: 'IQ',
    description: 'Dolma, kleicha and cardamom tea.',
    needs: { needsPower: true, needsWater: true, cooking: true },
    stands: [
      { day: 'FRI', plot: 'A6', from: '17:00', to: '20:00' },
      { day: 'MON', plot: 'A6', from: '11:00', to: '20:00', requested: true },
    ],
  },
  {
    name: 'Bulgaarse Vereniging Kortrijk',
    organiser: organiser('bulgarije', 'Petya (Bulgaarse vereniging)', 'bg'),
    offering: StandOffering.CULTURE,
    community: 'Bulgaarse gemeenschap',
    countryCode: 'BG',
    description: 'Martenitsa crafts and horo dancing.',
    needs: { needsPower: true },
    stands: [
      { day: 'SUN', plot: 'B5', from: '15:00', to: '19:00' },
      { day: 'MON', plot: 'B4', from: '15:00', to: '20:00' },
    ],
  },
];

/** The next Sinksenfeesten organisers may still apply for (default deadline: 28 days before), e.g. 2027 when seeded in November 2026. */
function nextFestivalYear(now: Date): number {
  const year = DateTime.fromJSDate(now, { zone: FESTIVAL_ZONE }).year;
  const deadline = DateTime.fromISO(sinksenfeesten(year).startsOn, { zone: FESTIVAL_ZONE }).minus({ days: 28 }).set({ hour: 23, minute: 59 });
  return DateTime.fromJSDate(now) < deadline ? year : year + 1;
}

/**
 * KortRIJK aan Culturen: next year's edition on the Grote Markt with 24 plots, a dozen associations
 * that applied through their own organiser, most of their stands confirmed by the coordinator and
 * a few still requested. Seeds once: returns false when an edition exists already.
 */
async function seedFestival(app: INestApplicationContext, now: Date): Promise<boolean> {
  const editions = app.get(FestivalEditionsService);
  if ((await editions.listEditions()).length > 0) return false;
  const userRepository = app.get(DataSource).getRepository(UserEntity);
  const coordinatorUser = await userRepository.findOneByOrFail({ email: 'coordinator@oefenkansen.demo' });
  const demoOrganiser = await userRepository.findOneByOrFail({ email: 'festival@oefenkansen.demo' });
  const coordinator: Actor = { userId: coordinatorUser.id, roles: coordinatorUser.roles, organisationId: coordinatorUser.organisationId };
  const users = app.get(UsersService);
  const organisations = app.get(OrganisationsService);
  const plotsService = app.get(StandPlotsService);
  const bookings = app.get(StandBookingsService);

  const year = nextFestivalYear(now);
  const { startsOn, endsOn } = sinksenfeesten(year);
  const edition = await editions.createEdition(coordinator, {
    name: `KortRIJK aan Culturen ${year}`,
    startsOn,
    endsOn,
    siteName: 'Grote Markt',
    siteAddress: 'Grote Markt, 8500 Kortrijk',
    siteMapUrl: `https://www.kortrijk.be/kortrijk-aan-culturen/plan-${year}.pdf`,
  });
  const plotIds = new Map<string, string>();
  for (const row of PLOT_ROWS) {
    for (let index = 0; index < 8; index += 1) {
      const plot = await plotsService.createPlot(coordinator, { editionId: edition.id, ...plotOf(row, index) });
      plotIds.set(plot.code, plot.id);
    }
  }
  const at = (day: FestivalDay, time: string) =>
    DateTime.fromISO(startsOn, { zone: FESTIVAL_ZONE })
      .plus({ days: FESTIVAL_DAY_OFFSET[day] })
      .set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) })
      .toJSDate();

  for (const association of FESTIVAL_ASSOCIATIONS) {
    let actor: Actor;
    if (association.name === null) {
      actor = { userId: demoOrganiser.id, roles: demoOrganiser.roles, organisationId: demoOrganiser.organisationId };
    } else {
      const organisation = await organisations.createOrganisation(coordinator, { name: association.name, kind: OrganisationKind.ASSOCIATION });
      const user = await users.createUser(coordinator, {
        ...association.organiser!,
        password: DEMO_PASSWORD,
        roles: [Role.FESTIVAL_ORGANISER],
        organisationId: organisation.id,
      });
      actor = { userId: user.id, roles: user.roles, organisationId: organisation.id };
    }
    const { bookings: requested } = await bookings.applyForStand(actor, {
      editionId: edition.id,
      organisationId: actor.organisationId!,
      offering: association.offering,
      community: association.community,
      countryCode: association.countryCode,
      description: association.description,
      ...association.needs,
      slots: association.stands.map((stand) => ({ plotId: plotIds.get(stand.plot)!, startsAt: at(stand.day, stand.from), endsAt: at(stand.day, stand.to) })),
    });
    for (const stand of association.stands.filter((s) => !s.requested)) {
      const booking = requested.find((b) => b.plotId === plotIds.get(stand.plot) && b.startsAt.getTime() === at(stand.day, stand.from).getTime())!;
      await bookings.confirmBooking(coordinator, booking.id);
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Volunteers, shifts and Picnik trajectories

interface DemoVolunteer {
  /** Null: Marie, volunteer@oefenkansen.demo, created with the users above. */
  slug: string | null;
  displayName: string;
  preferredLanguage: string;
  profile: Omit<VolunteerProfileCommand, 'screeningDate'> & { screenedMonthsAgo?: number };
}

type Slug = 'marie' | 'ahmad' | 'zahra' | 'iryna' | 'sophie' | 'ayaan' | 'mehmet';

const { MORNING, AFTERNOON, EVENING } = Daypart;
const { HOST, WELCOME, TRANSLATOR, CHILDCARE, COOKING, SETUP, BUDDY } = VolunteerSkill;

/** Seven volunteers: the languages Kortrijk's newcomers speak, the neighbourhoods they live in; most have their screening. */
const VOLUNTEERS: (DemoVolunteer & { key: Slug })[] = [
  {
    key: 'marie',
    slug: null,
    displayName: 'Marie (vrijwilliger)',
    preferredLanguage: 'nl',
    profile: {
      phone: '0478 21 43 65',
      languages: ['nl', 'fr', 'en'],
      skills: [HOST, WELCOME, BUDDY],
      availableWeekdays: [2, 6],
      availableDayparts: [MORNING, EVENING],
      neighbourhood: 'Overleie',
      screeningStatus: ScreeningStatus.RECEIVED,
      screenedMonthsAgo: 14,
      trainings: ['Vorming praattafelbegeleider', 'Omgaan met diversiteit'],
    },
  },
  {
    key: 'ahmad',
    slug: 'ahmad',
    displayName: 'Ahmad (vrijwilliger)',
    preferredLanguage: 'ar',
    profile: {
      phone: '0479 31 52 74',
      languages: ['ar', 'nl', 'fr'],
      skills: [TRANSLATOR, WELCOME, BUDDY],
      availableWeekdays: [1, 2, 4],
      availableDayparts: [MORNING, EVENING],
      neighbourhood: 'Kortrijk-Noord',
      screeningStatus: ScreeningStatus.RECEIVED,
      screenedMonthsAgo: 8,
      trainings: ['Tolken in de school'],
    },
  },
  {
    key: 'zahra',
    slug: 'zahra',
    displayName: 'Zahra (vrijwilliger)',
    preferredLanguage: 'prs',
    profile: {
      phone: '0468 12 90 45',
      languages: ['prs', 'ps', 'nl'],
      skills: [TRANSLATOR, CHILDCARE, BUDDY],
      availableWeekdays: [2, 3, 5],
      availableDayparts: [MORNING, AFTERNOON],
      neighbourhood: 'Sint-Jan',
      screeningStatus: ScreeningStatus.RECEIVED,
      screenedMonthsAgo: 5,
      trainings: ['Tolken in de school', 'Kinderopvang: spelen zonder gedeelde taal'],
    },
  },
  {
    key: 'iryna',
    slug: 'iryna',
    displayName: 'Iryna (vrijwilliger)',
    preferredLanguage: 'uk',
    profile: {
      phone: '0465 77 18 29',
      languages: ['uk', 'ru', 'nl', 'en'],
      skills: [TRANSLATOR, HOST, BUDDY],
      availableWeekdays: [2, 3, 4, 6],
      availableDayparts: [MORNING, EVENING],
      neighbourhood: 'Heule',
      screeningStatus: ScreeningStatus.REQUESTED,
    },
  },
  {
    key: 'sophie',
    slug: 'sophie',
    displayName: 'Sophie (vrijwilliger)',
    preferredLanguage: 'fr',
    profile: {
      phone: '0477 64 08 13',
      languages: ['fr', 'nl', 'en'],
      skills: [WELCOME, SETUP, COOKING],
      availableWeekdays: [2, 4, 5, 6],
      availableDayparts: [AFTERNOON, EVENING],
      neighbourhood: 'Marke',
      screeningStatus: ScreeningStatus.RECEIVED,
      screenedMonthsAgo: 20,
      trainings: ['Hygiëne in de keuken'],
    },
  },
  {
    key: 'ayaan',
    slug: 'ayaan',
    displayName: 'Ayaan (vrijwilliger)',
    preferredLanguage: 'so',
    profile: {
      phone: '0466 35 72 91',
      languages: ['so', 'ar', 'nl', 'en'],
      skills: [CHILDCARE, BUDDY, COOKING],
      availableWeekdays: [1, 3, 4, 5],
      availableDayparts: [MORNING, AFTERNOON],
      neighbourhood: 'Overleie',
      screeningStatus: ScreeningStatus.RECEIVED,
      screenedMonthsAgo: 3,
      trainings: ['EHBO bij kinderen'],
    },
  },
  {
    key: 'mehmet',
    slug: 'mehmet',
    displayName: 'Mehmet (vrijwilliger)',
    preferredLanguage: 'tr',
    profile: {
      phone: '0474 58 26 03',
      languages: ['tr', 'nl', 'de'],
      skills: [SETUP, COOKING, HOST],
      availableWeekdays: [4, 5, 6, 7],
      availableDayparts: [AFTERNOON, EVENING],
      neighbourhood: 'Kortrijk-Noord',
      screeningStatus: ScreeningStatus.NOT_REQUESTED,
    },
  },
];

const PICNIK = 'Picnik maandelijkse ontmoeting';

/**
 * Volunteers with profiles, shifts at upcoming sessions, series and the festival (some
 * filled, some with a gap, one short within days so the worker's sweep alerts the coordinator), the
 * monthly Picnik meeting and a year of Picnik trajectories. Seeds once: returns false when a
 * trajectory programme exists already.
 */
async function seedVolunteers(app: INestApplicationContext, now: Date): Promise<boolean> {
  const programmes = app.get(ProgrammesService);
  if ((await programmes.listProgrammes(true)).some((programme) => programme.kind === ProgrammeKind.TRAJECTORY)) return false;
  const userRepository = app.get(DataSource).getRepository(UserEntity);
  const coordinatorUser = await userRepository.findOneByOrFail({ email: 'coordinator@oefenkansen.demo' });
  const coordinator: Actor = { userId: coordinatorUser.id, roles: coordinatorUser.roles, organisationId: coordinatorUser.organisationId };
  const users = app.get(UsersService);
  const organisations = app.get(OrganisationsService);
  const volunteersService = app.get(VolunteersService);
  const shifts = app.get(ShiftsService);
  const sessions = app.get(SessionsService);
  const local = DateTime.fromJSDate(now, { zone: SCHEDULE_ZONE });
  const monthsAgo = (months: number) => local.minus(months >= 1 ? { months } : { days: Math.round(months * 30) }).toISODate()!;

  // The volunteers and their profiles.
  const volunteerIds = {} as Record<Slug, string>;
  for (const volunteer of VOLUNTEERS) {
    const { screenedMonthsAgo, ...profile } = volunteer.profile;
    const user =
      volunteer.slug === null
        ? await userRepository.findOneByOrFail({ email: 'volunteer@oefenkansen.demo' })
        : await users.createUser(coordinator, {
            email: `volunteer-${volunteer.slug}@oefenkansen.demo`,
            password: DEMO_PASSWORD,
            displayName: volunteer.displayName,
            roles: [Role.VOLUNTEER],
            preferredLanguage: volunteer.preferredLanguage,
          });
    volunteerIds[volunteer.key] = user.id;
    await volunteersService.saveProfile(coordinator, user.id, {
      ...profile,
      screeningDate: screenedMonthsAgo === undefined ? null : monthsAgo(screenedMonthsAgo),
    });
  }

  // Picnik: a monthly evening with FMDO for newcomers on a trajectory, the first Thursday of the month.
  const fmdo = await organisations.createOrganisation(coordinator, { name: FMDO, kind: OrganisationKind.PARTNER });
  const picnikVenue = await app
    .get(VenuesService)
    .createVenue(coordinator, { organisationId: fmdo.id, name: 'Ontmoetingsruimte FMDO', address: 'Doorniksewijk 24, 8500 Kortrijk' });
  const picnik = await programmes.createProgramme(coordinator, {
    name: PICNIK,
    kind: ProgrammeKind.TRAJECTORY,
    description: 'Picnik (with FMDO): newcomers, their buddies and host organisations meet once a month over soup and tea.',
    defaultCapacity: 30,
    languages: ['nl', 'ar', 'prs', 'so', 'uk'],
  });
  const picnikSeries = await app.get(SessionSeriesService).createSeries(coordinator, {
    programmeId: picnik.id,
    venueId: picnikVenue.id,
    title: PICNIK,
    rrule: 'FREQ=MONTHLY;BYDAY=1TH',
    firstStartsAt: firstWeekday(local.startOf('month'), 'TH', '19:00'),
    durationMinutes: 120,
    hostIds: [],
  });

  // Shifts. Only what starts at least six hours from now, so every shift has its three-hour reminder ahead.
  const soon = local.plus({ hours: 6 }).toJSDate();
  const byName = new Map((await programmes.listProgrammes(true)).map((programme) => [programme.name, programme]));
  const upcoming = async (programmeName: string): Promise<SessionEntity[]> => {
    const programme = byName.get(programmeName);
    return programme ? (await sessions.listSessions({ programmeId: programme.id, from: soon }, 100)).sessions : [];
  };
  const lastShift = new Map<Slug, Date>();
  const assign = async (shift: ShiftEntity | undefined, ...who: Slug[]) => {
    if (!shift) return;
    for (const slug of who) {
      await shifts.assignVolunteer(coordinator, shift.id, volunteerIds[slug]);
      if ((lastShift.get(slug)?.getTime() ?? 0) < shift.startsAt.getTime()) lastShift.set(slug, shift.startsAt);
    }
  };
  const seriesShifts = async (
    seriesId: string | null | undefined,
    command: { role: VolunteerSkill; needed: number; title: string; languages?: string[]; notes?: string },
  ) =>
    seriesId
      ? (await shifts.createShiftsForSeries(coordinator, { seriesId, ...command }))
          .filter((shift) => shift.startsAt >= soon)
          .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
      : [];
  const sessionShift = (
    session: SessionEntity | undefined,
    command: { role: VolunteerSkill; needed: number; title: string; languages?: string[]; notes?: string },
  ) => (session ? shifts.createShift(coordinator, { sessionId: session.id, ...command }) : Promise.resolve(undefined));

  // Schoolbabbels: a welcome at De Vlieger's gate and an interpreter at Sint-Jan, every week; the first few are taken.
  const schoolbabbels = await upcoming('Schoolbabbel');
  const welcome = await seriesShifts(schoolbabbels.find((s) => s.title === 'Schoolbabbel De Vlieger')?.seriesId, {
    role: WELCOME,
    needed: 1,
    title: 'Onthaal aan de schoolpoort: Schoolbabbel De Vlieger',
    languages: ['ar', 'prs'],
    notes: 'Ouders aan de poort begroeten en naar de refter brengen.',
  });
  for (const shift of welcome.slice(0, 3)) await assign(shift, 'ahmad');
  const interpreters = await seriesShifts(schoolbabbels.find((s) => s.title === 'Schoolbabbel Sint-Jan')?.seriesId, {
    role: TRANSLATOR,
    needed: 1,
    title: 'Tolk: Schoolbabbel Sint-Jan',
    languages: ['prs', 'ps', 'ar'],
  });
  for (const shift of interpreters.slice(0, 2)) await assign(shift, 'zahra');

  // The next three praattafels: one short of an interpreter (within days: the coordinator gets the
  // under-staffed alert), one fully staffed, one still needing childcare.
  const praattafels = await upcoming('Praattafel');
  await assign(
    await sessionShift(praattafels[0], { role: TRANSLATOR, needed: 2, title: `Tolken: ${praattafels[0]?.title}`, languages: ['uk', 'ar'] }),
    'iryna',
  );
  await assign(await sessionShift(praattafels[1], { role: WELCOME, needed: 2, title: `Onthaal: ${praattafels[1]?.title}` }), 'marie', 'sophie');
  await assign(
    await sessionShift(praattafels[2], { role: CHILDCARE, needed: 2, title: `Kinderopvang: ${praattafels[2]?.title}`, notes: 'Speelhoek in de zaal ernaast.' }),
    'ayaan',
  );
  const [dialoogtafel] = await upcoming('Dialoogtafel');
  await assign(await sessionShift(dialoogtafel, { role: TRANSLATOR, needed: 3, title: 'Tolken: Dialoogtafel', languages: ['ar', 'prs', 'uk'] }), 'ahmad');

  // Soup and tea at every Picnik meeting: the first fully staffed, the second half, the rest open.
  const cooking = await seriesShifts(picnikSeries.id, { role: COOKING, needed: 2, title: 'Picnik: soep en thee', languages: [] });
  await assign(cooking[0], 'mehmet', 'sophie');
  await assign(cooking[1], 'mehmet');

  // KortRIJK aan Culturen: setting up the stands on Friday, the city's info stand on Saturday, clearing up on Monday night.
  const edition = (await app.get(FestivalEditionsService).listEditions())
    .filter((e) => e.startsOn > local.toISODate()!)
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn))[0];
  if (edition) {
    const day = (offset: number, time: string) =>
      DateTime.fromISO(edition.startsOn, { zone: FESTIVAL_ZONE })
        .plus({ days: offset })
        .set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) })
        .toJSDate();
    const festivalShift = (role: VolunteerSkill, needed: number, title: string, from: [number, string], to: [number, string], languages: string[] = []) =>
      shifts.createShift(coordinator, { editionId: edition.id, role, needed, title, startsAt: day(...from), endsAt: day(...to), languages });
    await assign(await festivalShift(SETUP, 4, `Opbouw standen: ${edition.name}`, [0, '13:00'], [0, '17:00']), 'mehmet', 'sophie');
    await assign(await festivalShift(WELCOME, 2, `Infostand stad: ${edition.name}`, [1, '11:00'], [1, '15:00'], ['ar', 'uk', 'fr']), 'iryna');
    await festivalShift(SETUP, 4, `Afbraak: ${edition.name}`, [3, '20:00'], [3, '23:00']);
  }

  // Periods away, after the shifts they took.
  for (const [slug, reason] of [
    ['ahmad', 'Familiebezoek'],
    ['ayaan', 'Op reis'],
  ] as const) {
    const from = DateTime.fromJSDate(lastShift.get(slug) ?? now, { zone: SCHEDULE_ZONE }).plus({ days: 3 });
    await volunteersService.addAbsence(coordinator, volunteerIds[slug], { startsOn: from.toISODate()!, endsOn: from.plus({ days: 10 }).toISODate()!, reason });
  }

  // A year of Picnik trajectories, and the 82 of 2022–2023 the city reported on.
  const [nextMeeting] = (await sessions.listSessions({ seriesId: picnikSeries.id, from: now }, 1)).sessions;
  await seedPicnikTrajectories(app, { coordinator, volunteerIds, nextMeetingId: nextMeeting.id, now });
  return true;
}
