/**
 * The demo's Picnik trajectories (with FMDO): a recent year relative to today, every kind and
 * status, each newcomer expected at the next monthly meeting; and the historical ones of the city's
 * report (picnik-history.ts).
 */
import { INestApplicationContext } from '@nestjs/common';
import { DateTime } from 'luxon';
import { ContactChannel, NewParticipantCommand, ReferralChannel, RegistrationsService } from '@app/registrations';
import { OrganisationsService, SCHEDULE_ZONE } from '@app/scheduling';
import { FollowUpOutcome, TrajectoriesService, TrajectoryKind, TrajectoryOutcome, TrajectoryStatus } from '@app/volunteers';
import { CITY, ensureRefuInterim, FMDO, type PicnikSeed, screenHosts, seedPicnikHistory } from './picnik-history';

export type { PicnikSeed } from './picnik-history';

type Slug = 'marie' | 'ahmad' | 'zahra' | 'iryna' | 'sophie' | 'ayaan' | 'mehmet';

interface DemoTrajectory {
  participant: NewParticipantCommand;
  kind: TrajectoryKind;
  referralChannel: ReferralChannel;
  /** A volunteer as buddy, or a host organisation (by name): the trajectory starts MATCHED. */
  buddy?: Slug;
  hostOrganisation?: string;
  startedMonthsAgo: number;
  /** Planned length in months; a closed trajectory ended then. */
  months?: number;
  /** Status moves after the start, each with the coordinator's note. */
  /** A CLOSED step may name where the newcomer went on (default UNKNOWN). */
  path: [TrajectoryStatus, string, TrajectoryOutcome?][];
  followUps?: { monthsAfterStart: number; outcomes: FollowUpOutcome[]; note: string }[];
  notes?: string;
}

const sms = (firstName: string, lastName: string, preferredLanguage: string, phone: string): NewParticipantCommand => ({
  firstName,
  lastName,
  preferredLanguage,
  phone,
  contactChannel: ContactChannel.SMS,
  consentToContact: true,
});
const email = (firstName: string, lastName: string, preferredLanguage: string, address: string): NewParticipantCommand => ({
  firstName,
  lastName,
  preferredLanguage,
  email: address,
  contactChannel: ContactChannel.EMAIL,
  consentToContact: true,
});

const { ACTIVE, FOLLOW_UP, CLOSED } = TrajectoryStatus;

/** A year of Picnik (with FMDO): every kind, every status, the way newcomers really arrive. */
const TRAJECTORIES: DemoTrajectory[] = [
  {
    participant: sms('Samira', 'El Amrani', 'ar', '0486 10 20 31'),
    kind: TrajectoryKind.BUDDY,
    referralChannel: ReferralChannel.FMDO,
    buddy: 'ahmad',
    startedMonthsAgo: 11,
    months: 6,
    path: [
      [ACTIVE, 'Eerste afspraak in de bib: samen een lidkaart gemaakt.'],
      [FOLLOW_UP, 'Zes maanden samen; Samira gaat nu alleen naar de praattafel.'],
      [CLOSED, 'Afgerond na het opvolggesprek.', TrajectoryOutcome.ASSOCIATION_MEMBER],
    ],
    followUps: [{ monthsAfterStart: 8, outcomes: [FollowUpOutcome.STAYED_MEMBER], note: 'Komt nog elke maand naar Picnik en brengt een buurvrouw mee.' }],
  },
  {
    participant: sms('Jawad', 'Rahimi', 'prs', '0486 10 20 32'),
    kind: TrajectoryKind.INTERNSHIP,
    referralChannel: ReferralChannel.INTEGRATION_AGENCY,
    hostOrganisation: CITY,
    startedMonthsAgo: 10,
    months: 3,
    path: [
      [ACTIVE, 'Stage bij de groendienst, drie dagen per week.'],
      [FOLLOW_UP, 'Stage afgerond, positieve evaluatie.'],
      [CLOSED, 'Werk gevonden.', TrajectoryOutcome.OTHER],
    ],
    followUps: [
      { monthsAfterStart: 5, outcomes: [FollowUpOutcome.FOUND_WORK_VIA_INTERIM], note: 'Werkt via een interimkantoor in de logistiek in Kortrijk-Noord.' },
    ],
  },
  {
    participant: email('Nadia', 'Shevchenko', 'uk', 'nadia.shevchenko@example.org'),
    kind: TrajectoryKind.VOLUNTEERING,
    referralChannel: ReferralChannel.ADULT_EDUCATION,
    hostOrganisation: 'Wijkcentrum Overleie',
    startedMonthsAgo: 9,
    months: 6,
    path: [
      [ACTIVE, 'Helpt op woensdag in de cafetaria van het wijkcentrum.'],
      [FOLLOW_UP, 'Vrijwilligerswerk loopt door zonder begeleiding.'],
    ],
    followUps: [
      {
        monthsAfterStart: 7,
        outcomes: [FollowUpOutcome.JOINED_CITY_PROJECT, FollowUpOutcome.STAYED_MEMBER],
        note: 'Doet nu ook mee aan het buurtproject in Overleie.',
      },
    ],
  },
  {
    participant: sms('Abdirahman', 'Warsame', 'so', '0486 10 20 34'),
    kind: TrajectoryKind.ASSOCIATION,
    referralChannel: ReferralChannel.CONVERSATION_TABLE,
    hostOrganisation: FMDO,
    startedMonthsAgo: 8,
    months: 5,
    path: [
      [ACTIVE, 'Sluit aan bij de kookploeg van Picnik.'],
      [CLOSED, 'Is nu vast lid van de vereniging.', TrajectoryOutcome.ASSOCIATION_MEMBER],
    ],
    followUps: [{ monthsAfterStart: 6, outcomes: [FollowUpOutcome.STAYED_MEMBER], note: 'Kookt mee op elke maandelijkse ontmoeting.' }],
  },
  {
    participant: email('Elif', 'Yılmaz', 'tr', 'elif.yilmaz@example.org'),
    kind: TrajectoryKind.BUDDY,
    referralChannel: ReferralChannel.SELF,
    buddy: 'marie',
    startedMonthsAgo: 7,
    months: 9,
    path: [[ACTIVE, 'Wekelijks samen naar de markt en de praattafel in Overleie.']],
  },
  {
    participant: { firstName: 'Mariam', lastName: 'Haidari', preferredLanguage: 'prs', contactChannel: ContactChannel.NONE, consentToContact: false },
    kind: TrajectoryKind.ASSOCIATION,
    referralChannel: ReferralChannel.SCHOOL,
    startedMonthsAgo: 6,
    months: 1,
    path: [[CLOSED, 'Verhuisd naar Gent; doorverwezen naar de werking daar.']],
  },
  {
    participant: sms('Yusuf', 'Al-Hassan', 'ar', '0486 10 20 37'),
    kind: TrajectoryKind.VOLUNTEERING,
    referralChannel: ReferralChannel.FMDO,
    hostOrganisation: 'Wijkcentrum Sint-Jan',
    startedMonthsAgo: 5,
    months: 6,
    path: [[ACTIVE, 'Helpt bij het huiswerkklasje op woensdagnamiddag.']],
  },
  {
    participant: email('Tetiana', 'Bondarenko', 'uk', 'tetiana.b@example.org'),
    kind: TrajectoryKind.INTERNSHIP,
    referralChannel: ReferralChannel.ADULT_EDUCATION,
    hostOrganisation: 'Huis van het Kind (Kind en Gezin)',
    startedMonthsAgo: 4,
    months: 3,
    path: [
      [ACTIVE, 'Snuffelstage in de kinderopvang.'],
      [FOLLOW_UP, 'Stage afgerond; opvolging van de opleiding.'],
    ],
    followUps: [{ monthsAfterStart: 3, outcomes: [FollowUpOutcome.FURTHER_TRAINING], note: 'Start met de opleiding kinderbegeleider bij het CVO.' }],
  },
  {
    participant: email('Hawa', 'Diallo', 'fr', 'hawa.diallo@example.org'),
    kind: TrajectoryKind.BUDDY,
    referralChannel: ReferralChannel.KIND_EN_GEZIN,
    buddy: 'ayaan',
    startedMonthsAgo: 2,
    months: 6,
    path: [],
    notes: 'Jonge mama, zoekt contact in de buurt. Eerste afspraak met Ayaan gepland.',
  },
  {
    participant: sms('Bilal', 'Ahmadzai', 'ps', '0486 10 20 40'),
    kind: TrajectoryKind.ASSOCIATION,
    referralChannel: ReferralChannel.FMDO,
    hostOrganisation: 'Vereniging Afghaanse Gemeenschap Kortrijk',
    startedMonthsAgo: 1,
    months: 6,
    path: [],
  },
  {
    participant: { firstName: 'Leyla', lastName: 'Aziz', preferredLanguage: 'ar', contactChannel: ContactChannel.NONE, consentToContact: false },
    kind: TrajectoryKind.BUDDY,
    referralChannel: ReferralChannel.CONVERSATION_TABLE,
    startedMonthsAgo: 0.5,
    path: [],
    notes: 'Intake op de praattafel; zoekt een buddy die Arabisch spreekt, in Kortrijk-Noord.',
  },
  {
    participant: sms('Khadar', 'Ali', 'so', '0486 10 20 42'),
    kind: TrajectoryKind.VOLUNTEERING,
    referralChannel: ReferralChannel.INTEGRATION_AGENCY,
    startedMonthsAgo: 0.25,
    path: [],
  },
];

/** The recent year, then the report's 2022–2023 history. */
export async function seedPicnikTrajectories(app: INestApplicationContext, seed: PicnikSeed): Promise<void> {
  const { coordinator, volunteerIds, now } = seed;
  const local = DateTime.fromJSDate(now, { zone: SCHEDULE_ZONE });
  const monthsAgo = (months: number) => local.minus(months >= 1 ? { months } : { days: Math.round(months * 30) }).toISODate()!;
  const organisations = app.get(OrganisationsService);
  const trajectories = app.get(TrajectoriesService);
  const registrations = app.get(RegistrationsService);
  await ensureRefuInterim(app, coordinator);
  const organisationIds = new Map((await organisations.listOrganisations()).map((organisation) => [organisation.name, organisation.id]));
  const organisationId = (name: string) => {
    const id = organisationIds.get(name);
    if (!id) throw new Error(`the demo organisation ${name} is missing`);
    return id;
  };
  // Picnik sends newcomers only to screened organisations (the API refuses others).
  await screenHosts(
    app,
    seed,
    TRAJECTORIES.flatMap((trajectory) => (trajectory.hostOrganisation ? [trajectory.hostOrganisation] : [])),
  );
  for (const trajectory of TRAJECTORIES) {
    const { participantId } = await registrations.registerParticipant(coordinator, {
      // The newcomers of this year are expected at the next meeting.
      sessionId: seed.nextMeetingId,
      participant: { ...trajectory.participant, referralChannel: trajectory.referralChannel },
    });
    const startsOn = monthsAgo(trajectory.startedMonthsAgo);
    const created = await trajectories.createTrajectory(coordinator, {
      participantId,
      kind: trajectory.kind,
      referralChannel: trajectory.referralChannel,
      buddyId: trajectory.buddy ? volunteerIds[trajectory.buddy] : null,
      hostOrganisationId: trajectory.hostOrganisation ? organisationId(trajectory.hostOrganisation) : null,
      startsOn,
      endsOn: trajectory.months ? DateTime.fromISO(startsOn).plus({ months: trajectory.months }).toISODate()! : null,
      notes: trajectory.notes ?? null,
    });
    for (const [status, note, outcome] of trajectory.path)
      await trajectories.changeStatus(coordinator, created.id, status, note, status === CLOSED ? (outcome ?? TrajectoryOutcome.UNKNOWN) : null);
    for (const followUp of trajectory.followUps ?? []) {
      const recordedOn = DateTime.min(DateTime.fromISO(startsOn).plus({ months: followUp.monthsAfterStart }), local.startOf('day')).toISODate()!;
      await trajectories.addFollowUp(coordinator, created.id, { recordedOn, outcomes: followUp.outcomes, note: followUp.note });
    }
  }
  await seedPicnikHistory(app, seed);
}
