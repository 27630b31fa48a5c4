import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AppError, validate } from '@app/common';
import { BaseRepository, Transaction } from '@app/database';
import { LIVE_STAND_BOOKING_STATUSES, StandBookingEntity, StandBookingStatus } from '../entities';

export interface StandBookingQuery {
  /** Only this association's (the viewer's own); null: every association. */
  visible: string | null;
  organisationId: string | null;
  status?: StandBookingStatus | null;
  day?: string | null;
}

/** A live booking that overlaps a slot, for the message that says which one took it. */
export interface TakenSlot {
  code: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
}

const LIVE: StandBookingStatus[] = [...LIVE_STAND_BOOKING_STATUSES];

/** stand_booking (placing bookings: StandPlacementRepository). */
@Injectable()
export class StandBookingsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** The booking row, locked for the change the caller makes to it. */
  async lock(id: string, tx: Transaction): Promise<StandBookingEntity> {
    const bookingId = validate.uuid('id', id);
    const booking = await tx.getRepository(StandBookingEntity).findOne({ where: { id: bookingId }, lock: { mode: 'pessimistic_write' } });
    if (!booking) throw AppError.notFound('StandBooking', bookingId);
    return booking;
  }

  async update(id: string, changes: Partial<StandBookingEntity>, tx?: Transaction): Promise<void> {
    await this.on(tx).getRepository(StandBookingEntity).update(id, changes);
  }

  liveOfEdition(editionId: string, tx?: Transaction): Promise<StandBookingEntity[]> {
    return this.on(tx)
      .getRepository(StandBookingEntity)
      .findBy({ editionId, status: In([...LIVE_STAND_BOOKING_STATUSES]) });
  }

  /** The live bookings of an edition (of one day, when given), earliest first: what the stand plan shows. */
  liveOfEditionByStart(editionId: string, day?: string | null, tx?: Transaction): Promise<StandBookingEntity[]> {
    return this.on(tx)
      .getRepository(StandBookingEntity)
      .find({ where: { editionId, status: In([...LIVE_STAND_BOOKING_STATUSES]), ...(day ? { day } : {}) }, order: { startsAt: 'ASC' } });
  }

  ofEdition(editionId: string, filter: StandBookingQuery, tx?: Transaction): Promise<StandBookingEntity[]> {
    const query = this.on(tx)
      .getRepository(StandBookingEntity)
      .createQueryBuilder('b')
      .where('b.edition_id = :editionId', { editionId })
      .orderBy('b.starts_at', 'ASC')
      .addOrderBy('b.id', 'ASC');
    if (filter.visible) query.andWhere('b.organisation_id = :visible', { visible: filter.visible });
    if (filter.organisationId) query.andWhere('b.organisation_id = :organisationId', { organisationId: filter.organisationId });
    if (filter.status) query.andWhere('b.status = :status', { status: filter.status });
    if (filter.day) query.andWhere('b.day = :day', { day: filter.day });
    return query.getMany();
  }

  findById(id: string, tx?: Transaction): Promise<StandBookingEntity | null> {
    return this.on(tx).getRepository(StandBookingEntity).findOneBy({ id });
  }

  findByIds(ids: readonly string[], tx?: Transaction): Promise<StandBookingEntity[]> {
    return this.on(tx)
      .getRepository(StandBookingEntity)
      .findBy({ id: In([...ids]) });
  }

  byApplicationIds(ids: readonly string[], tx?: Transaction): Promise<StandBookingEntity[]> {
    return this.on(tx)
      .getRepository(StandBookingEntity)
      .find({ where: { applicationId: In([...ids]) }, order: { startsAt: 'ASC' } });
  }

  /** The first live booking (other than exceptBookingId) overlapping this slot of the plot, with the plot's code. */
  async firstOverlapping(plotId: string, startsAt: Date, endsAt: Date, exceptBookingId: string | null, tx?: Transaction): Promise<TakenSlot | null> {
    const [taken] = await this.on(tx).query<TakenSlot[]>(
      `SELECT p.code, b.starts_at, b.ends_at, b.status FROM stand_booking b JOIN stand_plot p ON p.id = b.plot_id
          WHERE b.plot_id = $1 AND b.status = ANY($4::stand_booking_status[]) AND tstzrange(b.starts_at, b.ends_at, '[)') && tstzrange($2, $3, '[)') AND ($5::uuid IS NULL OR b.id <> $5)
          ORDER BY b.starts_at LIMIT 1`,
      [plotId, startsAt, endsAt, LIVE, exceptBookingId],
    );
    return taken ?? null;
  }
}
