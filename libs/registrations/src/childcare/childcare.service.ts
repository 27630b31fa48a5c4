import { Injectable } from '@nestjs/common';
import { Actor, AppError, Clock, ErrorCode, validate } from '@app/common';
import { Transaction, Transactions } from '@app/database';
import { EventMap, OnEvent } from '@app/events';
import { lockSession, SessionEntity } from '@app/scheduling';
import { ChildcareStatus, RegistrationChildEntity, RegistrationEntity, RegistrationStatus } from '../entities';
import { ParticipantsService } from '../participants/participants.service';
import { registrationPolicy } from '../registration-policy';
import { RegistrationsRepository } from '../registrations/registrations.repository';
import { ChildcareCounts, ChildcareRepository, ChildcareSettings } from './childcare.repository';
import { Family, familiesToPlace, MAX_CHILDREN, requireFamilyFitsProgramme } from './children-rules';

/**
 * The children who come along and the programme's childcare, decided apart from the seats: a
 * parent may have a seat while the children wait for childcare, or the other way round (the
 * children's place is then ready when the seat comes). Every call runs in the transaction that
 * holds the session lock, like the seats (docs/architecture.md#invariant-6).
 */
@Injectable()
export class ChildcareService {
  constructor(
    private readonly transactions: Transactions,
    private readonly repository: ChildcareRepository,
    private readonly registrations: RegistrationsRepository,
    private readonly participants: ParticipantsService,
    private readonly clock: Clock,
  ) {}

  /** A new registration's children: counted, listed where the programme lists them, and placed in childcare when they fit. */
  async arrive(
    tx: Transaction,
    session: Pick<SessionEntity, 'id'>,
    registration: RegistrationEntity,
    family: Family,
    /** The programme's settings when the caller read them under the lock already (an arrival does). */
    known?: ChildcareSettings,
  ): Promise<RegistrationEntity> {
    const settings = known ?? (await this.repository.settingsOfSession(session.id, tx));
    requireFamilyFitsProgramme(family, settings.listsChildren);
    if (family.details) await this.repository.replaceChildren(registration.id, family.details, tx);
    if (family.children === 0) return registration;
    const offered = settings.childcareCapacity !== null;
    await this.repository.setFamily(registration.id, family.children, offered ? ChildcareStatus.WAITLISTED : null, tx);
    registration.children = family.children;
    registration.childcareStatus = offered ? ChildcareStatus.WAITLISTED : null;
    if (offered && (await this.settle(tx, session.id, settings.childcareCapacity!)).includes(registration.id))
      registration.childcareStatus = ChildcareStatus.PLACED;
    return registration;
  }

  /** The family a registration brings, to take along to another session (a move). */
  async familyOf(tx: Transaction, registration: RegistrationEntity): Promise<Family> {
    const listed = await this.repository.childrenOf([registration.id], tx);
    const details = listed.length > 0 ? listed.map(({ firstName, age, school }) => ({ firstName, age, school })) : null;
    return { children: registration.children, details };
  }

  /** A cancelled registration gives its childcare places back; the childcare waiting list moves at once. */
  async leave(tx: Transaction, session: SessionEntity, registration: RegistrationEntity): Promise<void> {
    if (registration.childcareStatus === null) return;
    await this.repository.setChildcareStatus([registration.id], null, tx);
    registration.childcareStatus = null;
    const { childcareCapacity } = await this.repository.settingsOfSession(session.id, tx);
    if (childcareCapacity !== null) await this.settle(tx, session.id, childcareCapacity);
  }

  /**
   * Staff change how many children come along, until the session starts. A placed family stays
   * placed while its children still fit, otherwise it waits again in its own turn (arrival).
   */
  async changeChildren(actor: Actor | null, registrationIdInput: string, childrenInput: number): Promise<RegistrationEntity> {
    if (!actor) throw AppError.unauthenticated();
    const registrationId = validate.uuid('registrationId', registrationIdInput);
    const children = validate.int('children', childrenInput, 0, MAX_CHILDREN);
    return this.transactions.run(async (tx) => {
      const sessionId = await this.registrations.sessionIdOf(registrationId, tx);
      if (!sessionId) throw AppError.notFound('Registration', registrationId);
      const session = (await lockSession(tx, sessionId))!;
      registrationPolicy.requireCanManageRegistrations(actor, (await this.registrations.scopes([session.id], tx)).get(session.id)!);
      const registration = await this.registrations.findByIdOrFail(registrationId, tx);
      if (!registrationPolicy.isCoordinator(actor) && !(await this.participants.seesInFull(actor, registration.participantId)))
        throw AppError.forbidden('Only who registered this participant (their school, the session’s hosts) or a coordinator changes their children');
      if (registration.status === RegistrationStatus.CANCELLED) throw AppError.badInput('the registration was cancelled', 'registrationId');
      if (session.startsAt.getTime() <= this.clock.now().getTime())
        throw new AppError(ErrorCode.SESSION_IN_PAST, 'The session has started', { field: 'registrationId' });
      const settings = await this.repository.settingsOfSession(session.id, tx);
      if (settings.listsChildren) throw AppError.badInput('this programme registers each child by name: register the family again', 'children');
      const status = await this.statusAfterChange(tx, session.id, registration, children, settings.childcareCapacity);
      await this.repository.setFamily(registration.id, children, status, tx);
      if (settings.childcareCapacity !== null) await this.settle(tx, session.id, settings.childcareCapacity);
      return this.registrations.findByIdOrFail(registration.id, tx);
    });
  }

  /** A programme's childcare capacity changed: the upcoming sessions' families are placed as far as they fit now, or lose their status. */
  @OnEvent({ name: 'programme.childcareChanged', order: 10 })
  async onChildcareChanged(tx: Transaction, { programmeId }: EventMap['programme.childcareChanged']): Promise<void> {
    for (const sessionId of await this.repository.upcomingSessionIds(programmeId, this.clock.now(), tx)) {
      await lockSession(tx, sessionId);
      const { childcareCapacity } = await this.repository.settingsOfSession(sessionId, tx);
      const families = await this.repository.families(sessionId, tx);
      if (childcareCapacity === null) {
        await this.repository.setChildcareStatus(
          families.filter((f) => f.childcare_status !== null).map((f) => f.id),
          null,
          tx,
        );
        continue;
      }
      await this.repository.setChildcareStatus(
        families.filter((f) => f.childcare_status === null).map((f) => f.id),
        ChildcareStatus.WAITLISTED,
        tx,
      );
      await this.settle(tx, sessionId, childcareCapacity);
    }
  }

  countsBySessionIds(sessionIds: readonly string[]): Promise<Map<string, ChildcareCounts>> {
    return this.repository.counts(sessionIds);
  }

  /** registration id → 1 for the family next in the childcare waiting order, for WAITLISTED ones. */
  waitingPositions(registrationIds: readonly string[]): Promise<Map<string, number>> {
    return this.repository.waitingPositions(registrationIds);
  }

  /** The children listed by name, only for who sees the parent in full (their school, the hosts, coordinators). */
  async listedChildren(actor: Actor | null, registration: RegistrationEntity): Promise<RegistrationChildEntity[]> {
    if (!actor) return [];
    if (!registrationPolicy.isCoordinator(actor) && !(await this.participants.seesInFull(actor, registration.participantId))) return [];
    return this.repository.childrenOf([registration.id]);
  }

  private async statusAfterChange(
    tx: Transaction,
    sessionId: string,
    registration: RegistrationEntity,
    children: number,
    capacity: number | null,
  ): Promise<ChildcareStatus | null> {
    if (children === 0 || capacity === null) return null;
    if (registration.childcareStatus !== ChildcareStatus.PLACED) return ChildcareStatus.WAITLISTED;
    const placedByOthers = (await this.repository.families(sessionId, tx))
      .filter((f) => f.childcare_status === ChildcareStatus.PLACED && f.id !== registration.id)
      .reduce((sum, f) => sum + f.children, 0);
    return placedByOthers + children <= capacity ? ChildcareStatus.PLACED : ChildcareStatus.WAITLISTED;
  }

  /** Places the waiting families that fit, in order of arrival; returns the ones placed now. */
  private async settle(tx: Transaction, sessionId: string, capacity: number): Promise<string[]> {
    const families = await this.repository.families(sessionId, tx);
    const placedChildren = families.filter((f) => f.childcare_status === ChildcareStatus.PLACED).reduce((sum, f) => sum + f.children, 0);
    const waiting = families.filter((f) => f.childcare_status === ChildcareStatus.WAITLISTED).map((f) => ({ registrationId: f.id, children: f.children }));
    const placed = familiesToPlace(capacity, placedChildren, waiting);
    await this.repository.setChildcareStatus(placed, ChildcareStatus.PLACED, tx);
    return placed;
  }
}
