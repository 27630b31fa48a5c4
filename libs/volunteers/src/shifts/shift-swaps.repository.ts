import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppError } from '@app/common';
import { BaseRepository, Transaction } from '@app/database';
import { ShiftEntity, ShiftSwapRequestEntity } from '../entities';

/** Shift swap requests between volunteers. */
@Injectable()
export class ShiftSwapsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  findRequest(id: string, tx?: Transaction): Promise<ShiftSwapRequestEntity | null> {
    return this.on(tx).getRepository(ShiftSwapRequestEntity).findOneBy({ id });
  }

  /** The request row, locked for the rest of the transaction; NOT_FOUND if there is none. */
  async lockRequest(id: string, tx: Transaction): Promise<ShiftSwapRequestEntity> {
    const request = await tx.getRepository(ShiftSwapRequestEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!request) throw AppError.notFound('ShiftSwapRequest', id);
    return request;
  }

  /** The assignment's PENDING request, if any, becomes WITHDRAWN. */
  async withdrawPendingOf(assignmentId: string, tx?: Transaction): Promise<void> {
    await this.on(tx).query(
      `UPDATE shift_swap_request SET status = 'WITHDRAWN', decided_at = now(), updated_at = now() WHERE assignment_id = $1 AND status = 'PENDING'`,
      [assignmentId],
    );
  }

  saveRequest(request: Partial<ShiftSwapRequestEntity>, tx?: Transaction): Promise<ShiftSwapRequestEntity> {
    return this.on(tx).getRepository(ShiftSwapRequestEntity).save(request);
  }

  async updateRequest(id: string, changes: Partial<ShiftSwapRequestEntity>, tx?: Transaction): Promise<void> {
    await this.on(tx).getRepository(ShiftSwapRequestEntity).update(id, changes);
  }

  /** The PENDING requests about these assignments become LAPSED. */
  async lapse(assignmentIds: string[], tx?: Transaction): Promise<void> {
    await this.on(tx).query(
      `UPDATE shift_swap_request SET status = 'LAPSED', decided_at = now(), updated_at = now() WHERE assignment_id = ANY($1::uuid[]) AND status = 'PENDING'`,
      [assignmentIds],
    );
  }

  /** Requests the volunteer asked or received for shifts starting after `now`; newest first, at most 100. */
  requestsOf(volunteerId: string, now: Date, tx?: Transaction): Promise<ShiftSwapRequestEntity[]> {
    return this.on(tx)
      .getRepository(ShiftSwapRequestEntity)
      .createQueryBuilder('r')
      .innerJoin(ShiftEntity, 's', 's.id = r.shiftId')
      .where('(r.fromVolunteerId = :me OR r.toVolunteerId = :me)', { me: volunteerId })
      .andWhere('s.startsAt > :now', { now })
      .orderBy('r.createdAt', 'DESC')
      .addOrderBy('r.id')
      .limit(100)
      .getMany();
  }
}
