/**
 * The Picnik trajectories of the city's report: 82 started between January 2022 and September
 * 2023 (buddy 51, volunteering 14 with Refu Interim and the city, association 16, internship 1).
 * Generated from small tables with a fixed pattern, so every seed gives the same people and figures
 * without 82 hand-written records. Almost all of them are closed by now, with a status history
 * dated when it happened.
 */
import { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { Actor } from '@app/common';
import { Transactions } from '@app/database';
import { OrganisationKind, OrganisationScreeningService, OrganisationScreeningStatus } from '@app/organisations';
import { ContactChannel, ParticipantsService, ReferralChannel, validateNewParticipant } from '@app/registrations';
import { OrganisationsService, SCHEDULE_ZONE } from '@app/scheduling';
import { FollowUpOutcome, TrajectoriesService, TrajectoryKind, TrajectoryOutcome, TrajectoryStatus } from '@app/volunteers';

/** What the Picnik seed needs of the rest of the demo. */
export interface PicnikSeed {
  coordinator: Actor;
  /** The demo volunteers' user ids by slug ("marie", "ahmad", …). */
  volunteerIds: Readonly<Record<string, string>>;
  nextMeetingId: string;
  now: Date;
}

export const REPORT_FROM = '2022-01-01';
export const REPORT_TO = '2023-09-30';
export const REFU_INTERIM = 'Refu Interim';
/** Host organisations the rest of the demo creates (by name). */
export const CITY = 'Stad Kortrijk – Integratiedienst';
export const FMDO = 'FMDO Kortrijk';
const AFGHAN_ASSOCIATION = 'Vereniging Afghaanse Gemeenschap Kortrijk';

const COUNTS: [TrajectoryKind, number][] = [
  [TrajectoryKind.BUDDY, 51],
  [TrajectoryKind.VOLUNTEERING, 14],
  [TrajectoryKind.ASSOCIATION, 16],
  [TrajectoryKind.INTERNSHIP, 1],
];

/** Kortrijk's newcomer communities: the language someone prefers, with first and last names from it. */
const COMMUNITIES: { language: string; first: string[]; last: string[] }[] = [
  { language: 'ar', first: ['Omar', 'Rania', 'Khaled', 'Lina', 'Mahmoud', 'Noor'], last: ['Haddad', 'Khalil', 'Mansour', 'Darwish', 'Saleh'] },
  { language: 'prs', first: ['Farhad', 'Shabnam', 'Habib', 'Nilofar', 'Wahid', 'Fereshta'], last: ['Ahmadi', 'Karimi', 'Hosseini', 'Nazari', 'Sultani'] },
  { language: 'so', first: ['Hodan', 'Abdi', 'Faadumo', 'Mahad', 'Ifrah', 'Guled'], last: ['Farah', 'Osman', 'Jama', 'Abdullahi', 'Warsame'] },
  {
    language: 'uk',
    first: ['Olena', 'Andrii', 'Kateryna', 'Dmytro', 'Oksana', 'Serhii'],
    last: ['Kovalenko', 'Melnyk', 'Tkachenko', 'Shevchuk', 'Kravchenko'],
  },
  { language: 'ps', first: ['Gul', 'Zarmina', 'Naqib', 'Malalai', 'Rahmat', 'Sadia'], last: ['Khan', 'Safi', 'Stanekzai', 'Popal', 'Mohmand'] },
  { language: 'tr', first: ['Ayşe', 'Emre', 'Zeynep', 'Murat', 'Fatma', 'Hakan'], last: ['Demir', 'Kaya', 'Şahin', 'Çelik', 'Aydın'] },
  { language: 'ti', first: ['Yonas', 'Selam', 'Dawit', 'Helen', 'Tesfay', 'Senait'], last: ['Tesfamariam', 'Gebremedhin', 'Haile', 'Kidane', 'Berhane'] },
  { language: 'ro', first: ['Ana', 'Mihai', 'Elena', 'Andrei', 'Florin', 'Maria'], last: ['Popescu', 'Ionescu', 'Stan', 'Dumitru', 'Munteanu'] },
];

/** How the report's newcomers arrived: AgII, the adult education centres (CVO), the praattafels, FMDO, on their own. */
const CHANNELS = [
  ReferralChannel.FMDO,
  ReferralChannel.INTEGRATION_AGENCY,
  ReferralChannel.ADULT_EDUCATION,
  ReferralChannel.CONVERSATION_TABLE,
  ReferralChannel.FMDO,
  ReferralChannel.INTEGRATION_AGENCY,
  ReferralChannel.SELF,
  ReferralChannel.ADULT_EDUCATION,
  ReferralChannel.CONVERSATION_TABLE,
  ReferralChannel.INTEGRATION_AGENCY,
];

/** A buddy who speaks the newcomer's language where one does (all four screened), else Marie. */
const BUDDY_BY_LANGUAGE: Record<string, string> = { ar: 'ahmad', prs: 'zahra', ps: 'zahra', so: 'ayaan' };
const PLANNED_MONTHS: Record<TrajectoryKind, number> = {
  [TrajectoryKind.BUDDY]: 6,
  [TrajectoryKind.VOLUNTEERING]: 6,
  [TrajectoryKind.ASSOCIATION]: 4,
  [TrajectoryKind.INTERNSHIP]: 3,
};
const BUDDY_OUTCOMES = [FollowUpOutcome.STAYED_MEMBER, FollowUpOutcome.FURTHER_TRAINING, FollowUpOutcome.JOINED_CITY_PROJECT, FollowUpOutcome.FOUND_WORK];

type Course = 'completed' | 'stopped' | 'noMatch' | 'stillFollowedUp';

export interface HistoricalTrajectory {
  firstName: string;
  lastName: string;
  language: string;
  phone: string | null;
  kind: TrajectoryKind;
  referralChannel: ReferralChannel;
  buddy: string | null;
  hostOrganisation: string | null;
  startsOn: string;
  endsOn: string;
  course: Course;
  /** The status moves after the start, each with its day and the coordinator's note. */
  path: { status: TrajectoryStatus; on: string; note: string }[];
  outcome: FollowUpOutcome | null;
}

const day = (iso: string, plus: { days?: number; months?: number }) => DateTime.fromISO(iso).plus(plus).toISODate()!;

/** The 82, in the order they started; pure, so a test can read the same plan. */
export function historicalTrajectories(): HistoricalTrajectory[] {
  const sorted = COUNTS.flatMap(([kind, count]) => Array<TrajectoryKind>(count).fill(kind));
  // A fixed stride (prime to 82) spreads the kinds over the 21 months instead of in blocks.
  const kinds: TrajectoryKind[] = [];
  sorted.forEach((kind, j) => (kinds[(j * 29) % sorted.length] = kind));
  const span = DateTime.fromISO(REPORT_TO).diff(DateTime.fromISO(REPORT_FROM), 'days').days;
  let volunteering = 0;
  return kinds.map((kind, i) => {
    const community = COMMUNITIES[i % COMMUNITIES.length];
    const k = Math.floor(i / COMMUNITIES.length);
    const startsOn = day(REPORT_FROM, { days: Math.round((i * span) / (kinds.length - 1)) });
    const course: Course =
      i % 27 === 13 ? 'stillFollowedUp' : i % 11 === 5 ? 'stopped' : i % 17 === 8 && kind === TrajectoryKind.BUDDY ? 'noMatch' : 'completed';
    const host =
      kind === TrajectoryKind.VOLUNTEERING
        ? volunteering++ % 2 === 0
          ? REFU_INTERIM
          : CITY
        : kind === TrajectoryKind.ASSOCIATION
          ? ['prs', 'ps'].includes(community.language)
            ? AFGHAN_ASSOCIATION
            : FMDO
          : kind === TrajectoryKind.INTERNSHIP
            ? CITY
            : null;
    const matched = course !== 'noMatch';
    const months = course === 'completed' || course === 'stillFollowedUp' ? PLANNED_MONTHS[kind] : 1;
    const endsOn = day(startsOn, { months });
    return {
      firstName: community.first[k % community.first.length],
      lastName: community.last[(k + Math.floor(k / community.first.length)) % community.last.length],
      language: community.language,
      // A third have no phone: they come to the meetings with their buddy or via FMDO.
      phone: i % 3 === 2 ? null : `0488 20 ${10 + i} 50`,
      kind,
      referralChannel: CHANNELS[i % CHANNELS.length],
      buddy: matched && kind === TrajectoryKind.BUDDY ? (BUDDY_BY_LANGUAGE[community.language] ?? 'marie') : null,
      hostOrganisation: matched ? host : null,
      startsOn,
      endsOn,
      course,
      path: pathOf(course, kind, startsOn, endsOn),
      outcome: course === 'completed' ? outcomeOf(kind, host, i) : null,
    };
  });
}

function pathOf(course: Course, kind: TrajectoryKind, startsOn: string, endsOn: string): HistoricalTrajectory['path'] {
  const { ACTIVE, FOLLOW_UP, CLOSED } = TrajectoryStatus;
  if (course === 'noMatch') return [{ status: CLOSED, on: endsOn, note: 'Geen buddy gevonden die past; doorverwezen naar de praattafel.' }];
  if (course === 'stopped') return [{ status: CLOSED, on: endsOn, note: 'Gestopt na de eerste afspraken: werk of opleiding overdag.' }];
  const started = { status: ACTIVE, on: day(startsOn, { days: 10 }), note: START_NOTES[kind] };
  const followUp = { status: FOLLOW_UP, on: endsOn, note: 'Traject afgerond; opvolging na twee maanden.' };
  if (course === 'stillFollowedUp') return [started, followUp];
  return [started, followUp, { status: CLOSED, on: day(endsOn, { months: 2 }), note: 'Afgesloten na het opvolggesprek.' }];
}

const START_NOTES: Record<TrajectoryKind, string> = {
  [TrajectoryKind.BUDDY]: 'Eerste afspraak met de buddy: samen naar de bib en de markt.',
  [TrajectoryKind.VOLUNTEERING]: 'Start als vrijwilliger, twee halve dagen per week.',
  [TrajectoryKind.ASSOCIATION]: 'Eerste activiteit bij de vereniging bijgewoond.',
  [TrajectoryKind.INTERNSHIP]: 'Stage bij de groendienst van de stad.',
};

function outcomeOf(kind: TrajectoryKind, host: string | null, i: number): FollowUpOutcome {
  if (kind === TrajectoryKind.VOLUNTEERING) return host === REFU_INTERIM ? FollowUpOutcome.FOUND_WORK_VIA_INTERIM : FollowUpOutcome.JOINED_CITY_PROJECT;
  if (kind === TrajectoryKind.ASSOCIATION) return FollowUpOutcome.STAYED_MEMBER;
  if (kind === TrajectoryKind.INTERNSHIP) return FollowUpOutcome.FOUND_WORK;
  return BUDDY_OUTCOMES[i % BUDDY_OUTCOMES.length];
}

const OUTCOME_NOTES: Record<FollowUpOutcome, string> = {
  [FollowUpOutcome.STAYED_MEMBER]: 'Blijft lid en komt nog naar de activiteiten.',
  [FollowUpOutcome.FOUND_WORK_VIA_INTERIM]: 'Werkt verder via Refu Interim.',
  [FollowUpOutcome.FOUND_WORK]: 'Heeft werk gevonden.',
  [FollowUpOutcome.JOINED_CITY_PROJECT]: 'Blijft actief in projecten van de stad.',
  [FollowUpOutcome.FURTHER_TRAINING]: 'Volgt nu een opleiding bij het CVO.',
  [FollowUpOutcome.OTHER]: 'Andere situatie.',
};

/** At ten in the morning in Kortrijk, on the day the plan says. */
const at = (iso: string) => DateTime.fromISO(iso, { zone: SCHEDULE_ZONE }).set({ hour: 10 }).toJSDate();

/**
 * Creates the 82 through the domain services (every rule applies), then dates the trajectories'
 * creation and status history back to when they happened: the services stamp "now", and a history
 * of 2022 all dated today would tell the project worker nothing. The participants keep today as
 * the day they were entered (from the project's own lists): retention counts from a person's last
 * activity or entry, so the demo's worker does not erase all 82 at its first sweep.
 */
/** Refu Interim, where volunteers of the city's report went on: a partner of the demo from here on. */
export async function ensureRefuInterim(app: INestApplicationContext, coordinator: PicnikSeed['coordinator']): Promise<void> {
  const organisations = app.get(OrganisationsService);
  const existing = await organisations.listOrganisations();
  if (!existing.some((organisation) => organisation.name === REFU_INTERIM)) {
    await organisations.createOrganisation(coordinator, { name: REFU_INTERIM, kind: OrganisationKind.PARTNER });
  }
}

/**
 * Picnik sends newcomers only to screened organisations (the API refuses others): each host not
 * screened yet gets a
 * screening of the last three years (the API checks it against today, so also for a 2022
 * trajectory) and followed a training. The city pays volunteers no allowance.
 */
export async function screenHosts(app: INestApplicationContext, seed: PicnikSeed, names: readonly string[]): Promise<void> {
  const screenings = app.get(OrganisationScreeningService);
  const organisations = new Map((await app.get(OrganisationsService).listOrganisations()).map((organisation) => [organisation.name, organisation]));
  const local = DateTime.fromJSDate(seed.now, { zone: SCHEDULE_ZONE });
  for (const name of new Set(names)) {
    const organisation = organisations.get(name);
    if (!organisation) throw new Error(`the demo organisation ${name} is missing`);
    // A host of both the recent year and the history is screened once.
    if (organisation.screeningStatus === OrganisationScreeningStatus.SCREENED) continue;
    const { id } = organisation;
    await screenings.recordScreening(seed.coordinator, id, {
      status: OrganisationScreeningStatus.SCREENED,
      screenedOn: local.minus({ months: 14 }).toISODate()!,
      paysVolunteerAllowance: name === CITY ? false : null,
    });
    await screenings.addTraining(seed.coordinator, id, { name: 'Vorming: werken met diverse groepen', followedOn: local.minus({ months: 13 }).toISODate()! });
  }
}

export async function seedPicnikHistory(app: INestApplicationContext, seed: PicnikSeed): Promise<void> {
  const { coordinator } = seed;
  const organisations = app.get(OrganisationsService);
  const trajectories = app.get(TrajectoriesService);
  const participants = app.get(ParticipantsService);
  const dataSource = app.get(DataSource);
  await ensureRefuInterim(app, coordinator);
  await screenHosts(
    app,
    seed,
    historicalTrajectories().flatMap((trajectory) => (trajectory.hostOrganisation ? [trajectory.hostOrganisation] : [])),
  );
  const organisationIds = new Map((await organisations.listOrganisations()).map((organisation) => [organisation.name, organisation.id]));
  const plan = historicalTrajectories();

  // One transaction for the 82 newcomers: they registered for nothing (their meetings are long past).
  const people = await app.get(Transactions).run(async (tx) => {
    const created = [];
    for (const planned of plan) {
      const participant = validateNewParticipant(
        {
          firstName: planned.firstName,
          lastName: planned.lastName,
          preferredLanguage: planned.language,
          phone: planned.phone,
          contactChannel: planned.phone ? ContactChannel.SMS : ContactChannel.NONE,
          consentToContact: planned.phone !== null,
          referralChannel: planned.referralChannel,
        },
        null,
      );
      created.push(await participants.createParticipant(tx, coordinator, participant, null));
    }
    return created;
  });

  const dated: { trajectoryId: string; startsOn: string; changes: string[] }[] = [];
  for (const [index, planned] of plan.entries()) {
    const hostOrganisationId = planned.hostOrganisation ? organisationIds.get(planned.hostOrganisation) : null;
    if (hostOrganisationId === undefined) throw new Error(`the demo organisation ${planned.hostOrganisation} is missing`);
    const buddyId = planned.buddy ? seed.volunteerIds[planned.buddy] : null;
    if (buddyId === undefined) throw new Error(`the demo volunteer ${planned.buddy} is missing`);
    const created = await trajectories.createTrajectory(coordinator, {
      participantId: people[index].id,
      kind: planned.kind,
      referralChannel: planned.referralChannel,
      buddyId,
      hostOrganisationId,
      startsOn: planned.startsOn,
      endsOn: planned.endsOn,
    });
    for (const step of planned.path)
      await trajectories.changeStatus(
        coordinator,
        created.id,
        step.status,
        step.note,
        step.status === TrajectoryStatus.CLOSED ? closingOutcomeOf(planned) : null,
      );
    if (planned.outcome) {
      const recordedOn = day(planned.path[planned.path.length - 1].on, { days: -3 });
      await trajectories.addFollowUp(coordinator, created.id, { recordedOn, outcomes: [planned.outcome], note: OUTCOME_NOTES[planned.outcome] });
    }
    dated.push({ trajectoryId: created.id, startsOn: planned.startsOn, changes: [planned.startsOn, ...planned.path.map((step) => step.on)] });
  }
  await backdate(dataSource, dated);
}

async function backdate(dataSource: DataSource, dated: { trajectoryId: string; startsOn: string; changes: string[] }[]) {
  const ids = dated.map((row) => row.trajectoryId);
  const starts = dated.map((row) => at(row.startsOn));
  await dataSource.query(
    `UPDATE trajectory t SET created_at = v.at, updated_at = v.at FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at) WHERE t.id = v.id`,
    [ids, starts],
  );
  // The services wrote each trajectory's changes in order, one transaction each: their order is the plan's.
  const changes = await dataSource.query<{ id: string; trajectory_id: string }[]>(
    `SELECT id, trajectory_id FROM trajectory_status_change WHERE trajectory_id = ANY($1::uuid[]) ORDER BY created_at, id`,
    [ids],
  );
  const next = new Map(dated.map((row) => [row.trajectoryId, [...row.changes]]));
  const changeIds: string[] = [];
  const changeDates: Date[] = [];
  for (const change of changes) {
    const on = next.get(change.trajectory_id)?.shift();
    if (!on) continue;
    changeIds.push(change.id);
    changeDates.push(at(on));
  }
  await dataSource.query(
    `UPDATE trajectory_status_change c SET created_at = v.at, updated_at = v.at FROM unnest($1::uuid[], $2::timestamptz[]) AS v(id, at) WHERE c.id = v.id`,
    [changeIds, changeDates],
  );
}

/** Where the newcomer went on, as the report counts it: read from the last follow-up's outcome; a stopped or unmatched trajectory: unknown. */
function closingOutcomeOf(planned: HistoricalTrajectory): TrajectoryOutcome {
  switch (planned.outcome) {
    case null:
      return TrajectoryOutcome.UNKNOWN;
    case FollowUpOutcome.FOUND_WORK_VIA_INTERIM:
      return TrajectoryOutcome.CONTINUES_AT_REFU_INTERIM;
    case FollowUpOutcome.STAYED_MEMBER:
      return TrajectoryOutcome.ASSOCIATION_MEMBER;
    case FollowUpOutcome.JOINED_CITY_PROJECT:
      return TrajectoryOutcome.CITY_PROJECTS;
    default:
      return TrajectoryOutcome.OTHER;
  }
}
