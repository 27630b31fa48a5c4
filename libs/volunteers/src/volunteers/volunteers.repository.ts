import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { UserEntity } from '@app/auth';
import { Role } from '@app/common';
import { BaseRepository, Transaction } from '@app/database';
import { ScreeningStatus, VolunteerAbsenceEntity, VolunteerProfileEntity } from '../entities';

/** A held shift as the volunteer's calendar feed lists it. */
export interface FeedShiftRow {
  id: string;
  title: string;
  role: string;
  starts_at: Date;
  ends_at: Date;
  location: string | null;
  notes: string | null;
  changed_at: Date;
  sequence: number;
}

/** Volunteer profiles, periods away and calendar tokens; reads users (auth) and, for the feed, sessions, venues and festival editions. */
@Injectable()
export class VolunteersRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  findUser(userId: string, tx?: Transaction): Promise<UserEntity | null> {
    return this.on(tx).getRepository(UserEntity).findOneBy({ id: userId });
  }

  userExists(userId: string, tx?: Transaction): Promise<boolean> {
    return this.on(tx).getRepository(UserEntity).existsBy({ id: userId });
  }

  /** Every active VOLUNTEER user, by name. */
  activeVolunteers(tx?: Transaction): Promise<UserEntity[]> {
    return this.on(tx)
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where(`u.active AND :role = ANY(u.roles)`, { role: Role.VOLUNTEER })
      .orderBy('u.display_name', 'ASC')
      .getMany();
  }

  /** Active VOLUNTEER users whose certificate of good conduct is not in yet (no profile counts as not requested). */
  countUnscreenedVolunteers(tx?: Transaction): Promise<number> {
    return this.on(tx)
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoin(VolunteerProfileEntity, 'p', 'p.userId = u.id')
      .where(`u.active AND :role = ANY(u.roles)`, { role: Role.VOLUNTEER })
      .andWhere('p.screeningStatus IS DISTINCT FROM :received', { received: ScreeningStatus.RECEIVED })
      .getCount();
  }

  async saveProfile(userId: string, changes: Partial<VolunteerProfileEntity>, tx?: Transaction): Promise<VolunteerProfileEntity> {
    const repository = this.on(tx).getRepository(VolunteerProfileEntity);
    await repository.upsert({ userId, ...changes }, { conflictPaths: ['userId'] });
    return repository.findOneByOrFail({ userId });
  }

  findProfile(userId: string, tx?: Transaction): Promise<VolunteerProfileEntity | null> {
    return this.on(tx).getRepository(VolunteerProfileEntity).findOneBy({ userId });
  }

  addAbsence(absence: Pick<VolunteerAbsenceEntity, 'userId' | 'startsOn' | 'endsOn' | 'reason'>, tx?: Transaction): Promise<VolunteerAbsenceEntity> {
    return this.on(tx).getRepository(VolunteerAbsenceEntity).save(absence);
  }

  findAbsence(id: string, tx?: Transaction): Promise<VolunteerAbsenceEntity | null> {
    return this.on(tx).getRepository(VolunteerAbsenceEntity).findOneBy({ id });
  }

  async removeAbsence(id: string, tx?: Transaction): Promise<void> {
    await this.on(tx).getRepository(VolunteerAbsenceEntity).delete(id);
  }

  async setCalendarTokenHash(userId: string, calendarTokenHash: string, tx?: Transaction): Promise<void> {
    await this.on(tx)
      .getRepository(VolunteerProfileEntity)
      .upsert({ userId, calendarTokenHash }, { conflictPaths: ['userId'] });
  }

  async clearCalendarTokenHash(userId: string, tx?: Transaction): Promise<void> {
    await this.on(tx).getRepository(VolunteerProfileEntity).update({ userId }, { calendarTokenHash: null });
  }

  profileByCalendarTokenHash(calendarTokenHash: string, tx?: Transaction): Promise<VolunteerProfileEntity | null> {
    return this.on(tx).getRepository(VolunteerProfileEntity).findOneBy({ calendarTokenHash });
  }

  /** The volunteer's held shifts of open shifts that end after 30 days before `now`, by start. */
  feedShifts(userId: string, now: Date, tx?: Transaction): Promise<FeedShiftRow[]> {
    return this.on(tx).query<FeedShiftRow[]>(
      `SELECT a.id, s.title, s.role, a.starts_at, a.ends_at, s.notes, a.calendar_sequence AS sequence,
              GREATEST(a.updated_at, s.updated_at, se.updated_at, v.updated_at, e.updated_at) AS changed_at,
              COALESCE(v.name || ', ' || v.address, e.site_name || ', ' || e.site_address) AS location
         FROM shift_assignment a JOIN shift s ON s.id = a.shift_id
         LEFT JOIN session se ON se.id = s.session_id LEFT JOIN venue v ON v.id = se.venue_id
         LEFT JOIN festival_edition e ON e.id = s.edition_id
        WHERE a.volunteer_id = $1 AND a.status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW') AND s.status = 'OPEN' AND a.ends_at > $2::timestamptz - interval '30 days'
        ORDER BY a.starts_at`,
      [userId, now],
    );
  }

  profilesByUserIds(userIds: readonly string[], tx?: Transaction): Promise<VolunteerProfileEntity[]> {
    return this.on(tx)
      .getRepository(VolunteerProfileEntity)
      .findBy({ userId: In([...userIds]) });
  }

  absencesByUserIds(userIds: readonly string[], tx?: Transaction): Promise<VolunteerAbsenceEntity[]> {
    return this.on(tx)
      .getRepository(VolunteerAbsenceEntity)
      .find({ where: { userId: In([...userIds]) }, order: { startsOn: 'ASC' } });
  }
}
