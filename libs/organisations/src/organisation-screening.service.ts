import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Actor, AppError, Clock, ErrorCode, requireCoordinator, validate } from '@app/common';
import { Transaction, Transactions } from '@app/database';
import { OrganisationEntity, OrganisationKind, OrganisationScreeningStatus, OrganisationTrainingEntity } from './entities';
import { OrganisationsRepository } from './organisations.repository';
import { screeningProblem, screeningValidUntil } from './screening';

export interface RecordScreeningCommand {
  status: OrganisationScreeningStatus;
  /** Required for SCREENED; ignored otherwise (only a finished screening has a date that counts). */
  screenedOn?: string | null;
  paysVolunteerAllowance?: boolean | null;
  allowanceNote?: string | null;
}

export interface AddTrainingCommand {
  name: string;
  followedOn: string;
}

/** Organisations are screened in Kortrijk's time zone: "today" is the day there. */
const ZONE = 'Europe/Brussels';

/**
 * Picnik's rule that a host organisation is screened first and, if need be, trained: coordinators
 * record the screening and the trainings; trajectories ask `requireScreened` before a match.
 */
@Injectable()
export class OrganisationScreeningService {
  constructor(
    private readonly transactions: Transactions,
    private readonly organisations: OrganisationsRepository,
    private readonly clock: Clock,
  ) {}

  today(): string {
    return DateTime.fromJSDate(this.clock.now(), { zone: ZONE }).toISODate()!;
  }

  async recordScreening(actor: Actor | null, id: string, command: RecordScreeningCommand): Promise<OrganisationEntity> {
    requireCoordinator(actor, 'record screenings');
    const organisationId = validate.uuid('id', id);
    if (!Object.values(OrganisationScreeningStatus).includes(command.status)) throw AppError.badInput('status is not a screening status', 'status');
    let screenedOn: string | null = null;
    if (command.status === OrganisationScreeningStatus.SCREENED) {
      if (!command.screenedOn) throw AppError.badInput('screenedOn is needed for a finished screening', 'screenedOn');
      screenedOn = this.pastDate('screenedOn', command.screenedOn);
    }
    const allowanceNote = validate.optionalText('allowanceNote', command.allowanceNote, 500);
    return this.transactions.run(async (tx) => {
      const organisation = await this.require(organisationId, tx);
      organisation.screeningStatus = command.status;
      organisation.screenedOn = screenedOn;
      if (command.paysVolunteerAllowance !== undefined) organisation.paysVolunteerAllowance = command.paysVolunteerAllowance;
      if (command.allowanceNote !== undefined) organisation.allowanceNote = allowanceNote;
      return this.organisations.save(organisation, tx);
    });
  }

  async addTraining(actor: Actor | null, organisationId: string, command: AddTrainingCommand): Promise<OrganisationTrainingEntity> {
    requireCoordinator(actor, 'record trainings');
    const id = validate.uuid('organisationId', organisationId);
    const name = validate.text('name', command.name, { max: 200 });
    const followedOn = this.pastDate('followedOn', command.followedOn);
    return this.transactions.run(async (tx) => {
      await this.require(id, tx);
      return this.organisations.saveTraining({ organisationId: id, name, followedOn }, tx);
    });
  }

  /** Returns the organisation the training was of. */
  async removeTraining(actor: Actor | null, trainingId: string): Promise<OrganisationEntity> {
    requireCoordinator(actor, 'remove trainings');
    const id = validate.uuid('id', trainingId);
    return this.transactions.run(async (tx) => {
      const training = await this.organisations.findTraining(id, tx);
      if (!training) throw AppError.notFound('OrganisationTraining', id);
      await this.organisations.deleteTraining(id, tx);
      return this.require(training.organisationId, tx);
    });
  }

  /**
   * ORGANISATION_NOT_SCREENED (at `field`) unless the organisation's screening holds today; the
   * row stays locked so a screening withdrawn meanwhile cannot slip past the match.
   */
  async requireScreened(organisationId: string, field: string, tx: Transaction): Promise<OrganisationEntity> {
    const organisation = await this.organisations.lock(organisationId, tx);
    if (!organisation) throw AppError.notFound('Organisation', organisationId);
    const problem = screeningProblem(organisation, this.today());
    if (!problem) return organisation;
    const details = { field, organisationId, organisationName: organisation.name, ...problem };
    const message =
      problem.reason === 'EXPIRED'
        ? `${organisation.name}'s screening expired on ${problem.expiredOn}: record a new screening first`
        : `${organisation.name} is not screened yet: record the screening first`;
    throw new AppError(ErrorCode.ORGANISATION_NOT_SCREENED, message, details);
  }

  validUntil(organisation: Pick<OrganisationEntity, 'screenedOn'>): string | null {
    return organisation.screenedOn ? screeningValidUntil(organisation.screenedOn) : null;
  }

  isScreened(organisation: Pick<OrganisationEntity, 'screeningStatus' | 'screenedOn'>): boolean {
    return screeningProblem(organisation, this.today()) === null;
  }

  isExpired(organisation: Pick<OrganisationEntity, 'screeningStatus' | 'screenedOn'>): boolean {
    return screeningProblem(organisation, this.today())?.reason === 'EXPIRED';
  }

  /** The active organisations of these kinds, by name. */
  activeOfKinds(kinds: readonly OrganisationKind[]): Promise<OrganisationEntity[]> {
    return this.organisations.activeOfKinds(kinds);
  }

  trainingsByOrganisationIds(ids: readonly string[]): Promise<OrganisationTrainingEntity[]> {
    return this.organisations.trainingsByOrganisationIds(ids);
  }

  private pastDate(field: string, value: string): string {
    const day = validate.isoDate(field, value);
    if (day > this.today()) throw AppError.badInput(`${field} must not be in the future`, field);
    return day;
  }

  private async require(id: string, tx: Transaction): Promise<OrganisationEntity> {
    const organisation = await this.organisations.findById(id, tx);
    if (!organisation) throw AppError.notFound('Organisation', id);
    return organisation;
  }
}
