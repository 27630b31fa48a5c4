import { Injectable } from '@nestjs/common';
import { UserEntity } from '@app/auth';
import { Actor, AppError, Clock, ErrorCode, validate, Role } from '@app/common';
import { pgErrorCode, PgErrorCode, Transaction, Transactions } from '@app/database';
import { EventMap, OnEvent } from '@app/events';
import { ShiftAssignmentEntity, ShiftAssignmentStatus, ShiftEntity, ShiftStatus, ShiftSwapRequestEntity, ShiftSwapStatus } from '../entities';
import { volunteersPolicy } from '../volunteers-policy';
import { ShiftEvents } from './shift-events';
import { ShiftPlaces } from './shift-places';
import { ShiftSwapsRepository } from './shift-swaps.repository';
import { ShiftsRepository } from './shifts.repository';

/** A colleague as another volunteer sees them: a name to recognise, nothing to reach or judge them by. */
export interface SwapColleague {
  id: string;
  displayName: string;
}

const CANDIDATES = 20;

/**
 * Shift swaps between volunteers. The holder asks a colleague who is free then and fits
 * the shift; the colleague accepts (the holder's place released and theirs held in one transaction,
 * with the usual checks) or declines; the holder may withdraw. A request lapses when the holder's
 * assignment changes (given back, moved, cancelled) and when the shift starts. Coordinators reassign
 * directly. Refusals never say why a colleague cannot: their periods away and other shifts are theirs.
 */
@Injectable()
export class ShiftSwapsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly shifts: ShiftsRepository,
    private readonly swaps: ShiftSwapsRepository,
    private readonly events: ShiftEvents,
    private readonly places: ShiftPlaces,
    private readonly clock: Clock,
  ) {}

  /** A moved or released assignment's open swap request lapses (before the outbox withdraws its mail). */
  @OnEvent({ name: 'shifts.changed', order: 10 })
  async onShiftsChanged(tx: Transaction, { events }: EventMap['shifts.changed']): Promise<void> {
    await this.lapse(
      tx,
      events.filter((event) => event.kind !== 'ASSIGNED').flatMap((event) => event.assignmentIds),
    );
  }

  /**
   * `swapShift`: a coordinator moves the shift at once (returns the colleague's new assignment); the
   * volunteer holding it asks the colleague (returns their own assignment, still theirs until the colleague accepts).
   */
  async swapShift(actor: Actor | null, assignmentId: string, toVolunteerId: string): Promise<ShiftAssignmentEntity> {
    if (volunteersPolicy.isCoordinator(actor)) return this.reassign(actor!, assignmentId, toVolunteerId);
    const request = await this.requestSwap(actor, assignmentId, toVolunteerId);
    return this.shifts.findAssignmentOrFail(request.assignmentId);
  }

  /** The holder asks a colleague; an earlier open request for the same shift is withdrawn. */
  async requestSwap(actor: Actor | null, assignmentId: string, toVolunteerId: string): Promise<ShiftSwapRequestEntity> {
    const holder = volunteersPolicy.requireVolunteer(actor, 'ask a colleague to take a shift');
    const target = validate.uuid('toVolunteerId', toVolunteerId);
    return this.transactions.run(async (tx) => {
      const assignment = await this.shifts.lockAssignment(assignmentId, tx);
      if (assignment.volunteerId !== holder.userId) throw AppError.forbidden('Only the volunteer on a shift asks a colleague to take it');
      const shift = await this.requireAhead(tx, assignment);
      if (target === assignment.volunteerId) throw AppError.badInput('toVolunteerId is already on this shift', 'toVolunteerId');
      const colleague = await this.shifts.findUser(target, tx);
      if (!colleague || !colleague.active || !colleague.roles.includes(Role.VOLUNTEER)) throw AppError.notFound('Volunteer', target);
      const free = await this.places.rankFreeVolunteers(shift, this.clock.now(), tx);
      if (!free.some((candidate) => candidate.userId === target && candidate.fits)) throw unavailable();
      await this.swaps.withdrawPendingOf(assignment.id, tx);
      const request = await this.swaps.saveRequest(
        {
          assignmentId: assignment.id,
          shiftId: shift.id,
          fromVolunteerId: holder.userId,
          toVolunteerId: target,
          status: ShiftSwapStatus.PENDING,
          takenAssignmentId: null,
          decidedAt: null,
        },
        tx,
      );
      await this.events.publishSwapRequested(tx, request.id);
      return request;
    });
  }

  /** Colleagues the holder may ask: free then, fitting the shift, best first; names only. */
  async candidates(actor: Actor | null, assignmentId: string): Promise<SwapColleague[]> {
    const holder = volunteersPolicy.requireVolunteer(actor, 'look for a colleague to take a shift');
    const assignment = await this.shifts.findAssignment(validate.uuid('assignmentId', assignmentId));
    if (!assignment) throw AppError.notFound('ShiftAssignment', assignmentId);
    if (assignment.volunteerId !== holder.userId) throw AppError.forbidden('Only the volunteer on a shift looks for a colleague to take it');
    const shift = await this.shifts.findShiftOrFail(assignment.shiftId);
    if (
      assignment.status !== ShiftAssignmentStatus.ASSIGNED ||
      shift.status !== ShiftStatus.OPEN ||
      assignment.startsAt.getTime() <= this.clock.now().getTime()
    )
      return [];
    const best = (await this.places.rankFreeVolunteers(shift, this.clock.now()))
      .filter((candidate) => candidate.fits && candidate.userId !== holder.userId)
      .slice(0, CANDIDATES);
    const users = new Map((await this.shifts.usersByIds(best.map((candidate) => candidate.userId))).map((user) => [user.id, user]));
    return best
      .map((candidate) => users.get(candidate.userId))
      .filter((user): user is UserEntity => !!user)
      .map((user) => ({ id: user.id, displayName: user.displayName }));
  }

  /** The caller's requests, asked and received, for shifts still ahead; newest first. */
  async myRequests(actor: Actor | null): Promise<ShiftSwapRequestEntity[]> {
    const volunteer = volunteersPolicy.requireVolunteer(actor, 'see shift swap requests');
    return this.swaps.requestsOf(volunteer.userId, this.clock.now());
  }

  /** The colleague takes the shift: the holder's place released and theirs held in one transaction, or nothing changes. */
  async accept(actor: Actor | null, requestId: string): Promise<ShiftAssignmentEntity> {
    const colleague = volunteersPolicy.requireVolunteer(actor, 'answer a shift swap request');
    const id = validate.uuid('requestId', requestId);
    try {
      return await this.transactions.run(async (tx) => {
        const found = await this.swaps.findRequest(id, tx);
        if (!found) throw AppError.notFound('ShiftSwapRequest', id);
        if (found.toVolunteerId !== colleague.userId) throw AppError.forbidden('Only the colleague asked answers a shift swap request');
        // The assignment's lock first, then the request's: the order dropShift and the lapse listener take them in.
        const assignment = await this.shifts.lockAssignment(found.assignmentId, tx);
        const request = await this.swaps.lockRequest(id, tx);
        if (request.status !== ShiftSwapStatus.PENDING) throw noLongerOpen();
        const shift = await this.shifts.lockShift(assignment.shiftId, tx);
        if (
          assignment.status !== ShiftAssignmentStatus.ASSIGNED ||
          assignment.startsAt.getTime() <= this.clock.now().getTime() ||
          shift.status !== ShiftStatus.OPEN
        )
          throw noLongerOpen();
        await this.shifts.setAssignmentStatus(assignment.id, ShiftAssignmentStatus.DROPPED, tx);
        const taken = await this.places.insertAssignment(tx, colleague, shift, colleague.userId);
        await this.swaps.updateRequest(request.id, { status: ShiftSwapStatus.ACCEPTED, takenAssignmentId: taken.id, decidedAt: this.clock.now() }, tx);
        await this.events.publish(tx, [
          { kind: 'RELEASED', assignmentIds: [assignment.id] },
          { kind: 'ASSIGNED', assignmentIds: [taken.id] },
        ]);
        return taken;
      });
    } catch (error) {
      if (pgErrorCode(error) === PgErrorCode.EXCLUSION_VIOLATION || (error instanceof AppError && error.code === ErrorCode.VOLUNTEER_UNAVAILABLE))
        throw unavailable();
      throw error;
    }
  }

  async decline(actor: Actor | null, requestId: string): Promise<ShiftSwapRequestEntity> {
    const colleague = volunteersPolicy.requireVolunteer(actor, 'answer a shift swap request');
    return this.close(requestId, ShiftSwapStatus.DECLINED, (request) => {
      if (request.toVolunteerId !== colleague.userId) throw AppError.forbidden('Only the colleague asked answers a shift swap request');
    });
  }

  /** The holder (or a coordinator) takes the question back. */
  async withdraw(actor: Actor | null, requestId: string): Promise<ShiftSwapRequestEntity> {
    if (!actor) throw AppError.unauthenticated();
    return this.close(requestId, ShiftSwapStatus.WITHDRAWN, (request) => {
      volunteersPolicy.requireSelfOrCoordinator(actor, request.fromVolunteerId, 'withdraw a shift swap request');
    });
  }

  private close(requestId: string, status: ShiftSwapStatus, authorise: (request: ShiftSwapRequestEntity) => void): Promise<ShiftSwapRequestEntity> {
    const id = validate.uuid('requestId', requestId);
    return this.transactions.run(async (tx) => {
      const request = await this.swaps.lockRequest(id, tx);
      authorise(request);
      if (request.status === status) return request;
      if (request.status !== ShiftSwapStatus.PENDING) throw noLongerOpen();
      const shift = await this.shifts.findShiftOrFail(request.shiftId, tx);
      if (shift.startsAt.getTime() <= this.clock.now().getTime()) throw noLongerOpen();
      const decidedAt = this.clock.now();
      await this.swaps.updateRequest(request.id, { status, decidedAt }, tx);
      return { ...request, status, decidedAt };
    });
  }

  /** The shift of an assignment that can still change hands. */
  private async requireAhead(tx: Transaction, assignment: ShiftAssignmentEntity): Promise<ShiftEntity> {
    const shift = await this.shifts.findShiftOrFail(assignment.shiftId, tx);
    if (
      assignment.status !== ShiftAssignmentStatus.ASSIGNED ||
      shift.status !== ShiftStatus.OPEN ||
      assignment.startsAt.getTime() <= this.clock.now().getTime()
    ) {
      throw new AppError(ErrorCode.CONFLICT, 'Only a shift that is still ahead can be swapped');
    }
    return shift;
  }

  /** Requests about assignments that were released or moved lapse, in the transaction that changed them. */
  private async lapse(tx: Transaction, assignmentIds: string[]): Promise<void> {
    if (assignmentIds.length === 0) return;
    await this.swaps.lapse(assignmentIds, tx);
  }

  /** The coordinator's direct reassignment: the colleague's place if they can take it, else nothing changes. */
  private async reassign(actor: Actor, assignmentId: string, toVolunteerId: string): Promise<ShiftAssignmentEntity> {
    const target = validate.uuid('toVolunteerId', toVolunteerId);
    let shiftOf: string | null = null;
    try {
      return await this.transactions.run(async (tx) => {
        const assignment = await this.shifts.lockAssignment(assignmentId, tx);
        if (assignment.status !== ShiftAssignmentStatus.ASSIGNED || assignment.startsAt.getTime() <= this.clock.now().getTime()) {
          throw new AppError(ErrorCode.CONFLICT, 'Only a shift that is still ahead can be swapped');
        }
        if (target === assignment.volunteerId) throw AppError.badInput('toVolunteerId is already on this shift', 'toVolunteerId');
        const shift = await this.shifts.lockShift(assignment.shiftId, tx);
        shiftOf = shift.id;
        await this.shifts.setAssignmentStatus(assignment.id, ShiftAssignmentStatus.DROPPED, tx);
        const taken = await this.places.insertAssignment(tx, actor, shift, target);
        await this.events.publish(tx, [
          { kind: 'RELEASED', assignmentIds: [assignment.id] },
          { kind: 'ASSIGNED', assignmentIds: [taken.id] },
        ]);
        return taken;
      });
    } catch (error) {
      throw await this.places.explainConflict(actor, error, target, shiftOf ?? '');
    }
  }
}

/** Why a colleague cannot take a shift (away, another shift then, not fitting) is theirs: the refusal says only that they cannot. */
function unavailable(): AppError {
  return new AppError(ErrorCode.VOLUNTEER_UNAVAILABLE, 'This volunteer cannot take the shift then');
}

function noLongerOpen(): AppError {
  return new AppError(ErrorCode.CONFLICT, 'This swap request is no longer open');
}
