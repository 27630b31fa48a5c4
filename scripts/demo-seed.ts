/**
 * Kortrijk demo data, written through the same domain services the API uses, so the demo
 * obeys every rule the product does. Names of schools, centres and associations are illustrative.
 */
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { AuthModule, UsersService } from '@app/auth';
import { Actor, ClockModule } from '@app/common';
import { AppConfig, ConfigModule } from '@app/config';
import { ContactChannel, DatabaseModule, OrganisationKind, ProgrammeKind, Role, StandOffering, UserEntity } from '@app/database';
import { FESTIVAL_ZONE, FestivalEditionsService, FestivalModule, sinksenfeesten, StandBookingsService, StandPlotsService } from '@app/festival';
import { FestivalOutbox } from '@app/notifications';
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
      imports: [ConfigModule.forRoot('api', config), ClockModule, DatabaseModule.forRoot('oefenkansen-demo-seed'), AuthModule, SchedulingModule, RegistrationsModule, FestivalModule],
      // The organisers' stand messages and reminders go to the outbox in the booking's transaction, as in the API.
      providers: [FestivalOutbox],
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
    // The festival has its own check, so a demo folder seeded before the festival existed gains it too.
    if ((await programmes.listProgrammes(true)).length > 0) return { seeded: await seedFestival(app, now), logins };
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
    await seedFestival(app, now);
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
  { row: 'A', mapY: 22, widthMetres: 4, depthMetres: 3, hasPower: true, hasWater: true, cookingAllowed: true, description: 'Food row, north side of the Grote Markt: power, water, cooking allowed' },
  { row: 'B', mapY: 48, widthMetres: 3, depthMetres: 3, hasPower: true, hasWater: false, cookingAllowed: false, description: 'Culture row in front of the Belfort: power for light and sound, no cooking' },
  { row: 'C', mapY: 74, widthMetres: 3, depthMetres: 3, hasPower: false, hasWater: false, cookingAllowed: false, description: 'Mixed row, south side towards the Sint-Maartenskerk' },
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

const organiser = (slug: string, displayName: string, preferredLanguage: string) => ({ email: `festival-${slug}@oefenkansen.demo`, displayName, preferredLanguage });

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
    DateTime.fromISO(startsOn, { zone: FESTIVAL_ZONE }).plus({ days: FESTIVAL_DAY_OFFSET[day] }).set({ hour: Number(time.slice(0, 2)), minute: Number(time.slice(3, 5)) }).toJSDate();

  for (const association of FESTIVAL_ASSOCIATIONS) {
    let actor: Actor;
    if (association.name === null) {
      actor = { userId: demoOrganiser.id, roles: demoOrganiser.roles, organisationId: demoOrganiser.organisationId };
    } else {
      const organisation = await organisations.createOrganisation(coordinator, { name: association.name, kind: OrganisationKind.ASSOCIATION });
      const user = await users.createUser(coordinator, { ...association.organiser!, password: DEMO_PASSWORD, roles: [Role.FESTIVAL_ORGANISER], organisationId: organisation.id });
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
