import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';
import { ReferralChannel } from '@app/registrations';
import { TrajectoryKind, TrajectoryOutcome, TrajectoryStatus } from '../entities';

const ZONE = 'Europe/Brussels';

export interface TrajectoryCountRow {
  kind: TrajectoryKind;
  referral_channel: ReferralChannel;
  status: TrajectoryStatus;
  outcome: TrajectoryOutcome | null;
  count: number;
}

export interface ProgrammeMonthRow {
  programme_id: string;
  programme_name: string;
  month: string;
  sessionsHeld: number;
  seatsOffered: number;
  confirmed: number;
  attended: number;
  walkIns: number;
  noShows: number;
  waitlisted: number;
  /** Children who came along with the seated (adults above), and with those who attended; from each registration's `children`. */
  childrenConfirmed: number;
  childrenAttended: number;
}

/** The reports' figures: trajectories (this lib's) and sessions, programmes and registrations (read from the libs below). */
@Injectable()
export class ReportsRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Trajectories that started between from and to (inclusive dates), counted per kind, referral channel, status and outcome. */
  trajectoryCounts(from: string, to: string, tx?: Transaction): Promise<TrajectoryCountRow[]> {
    return this.on(tx).query<TrajectoryCountRow[]>(
      `SELECT kind, referral_channel, status, outcome, count(*)::int AS count FROM trajectory WHERE starts_on BETWEEN $1::date AND $2::date GROUP BY kind, referral_channel, status, outcome`,
      [from, to],
    );
  }

  /** Per programme and Brussels month, the held sessions between from and to and their seats, registrations and waiting lists. */
  programmeMonths(from: string, to: string, programme: string | null, tx?: Transaction): Promise<ProgrammeMonthRow[]> {
    return this.on(tx).query<ProgrammeMonthRow[]>(
      `WITH held AS (
         SELECT s.id, s.programme_id, s.capacity, to_char(s.starts_at AT TIME ZONE '${ZONE}', 'YYYY-MM') AS month
           FROM session s
          WHERE s.status = 'SCHEDULED' AND (s.starts_at AT TIME ZONE '${ZONE}')::date BETWEEN $1::date AND $2::date AND ($3::uuid IS NULL OR s.programme_id = $3)
       )
       SELECT h.programme_id, p.name AS programme_name, h.month,
              count(*)::int AS "sessionsHeld",
              sum(h.capacity)::int AS "seatsOffered",
              sum((SELECT count(*) FROM registration r WHERE r.session_id = h.id AND r.status IN ('CONFIRMED', 'OFFERED', 'ATTENDED', 'NO_SHOW')))::int AS confirmed,
              sum((SELECT count(*) FROM registration r WHERE r.session_id = h.id AND r.status = 'ATTENDED'))::int AS attended,
              sum((SELECT count(*) FROM registration r WHERE r.session_id = h.id AND r.status = 'ATTENDED' AND r.walk_in))::int AS "walkIns",
              sum((SELECT count(*) FROM registration r WHERE r.session_id = h.id AND r.status = 'NO_SHOW'))::int AS "noShows",
              sum((SELECT count(DISTINCT e.registration_id) FROM registration_event e WHERE e.session_id = h.id AND e.kind = 'WAITLISTED'))::int AS waitlisted,
              sum((SELECT coalesce(sum(r.children), 0) FROM registration r WHERE r.session_id = h.id AND r.status IN ('CONFIRMED', 'ATTENDED', 'NO_SHOW')))::int AS "childrenConfirmed",
              sum((SELECT coalesce(sum(r.children), 0) FROM registration r WHERE r.session_id = h.id AND r.status = 'ATTENDED'))::int AS "childrenAttended"
         FROM held h JOIN programme p ON p.id = h.programme_id
        GROUP BY h.programme_id, p.name, h.month
        ORDER BY p.name, h.month`,
      [from, to, programme],
    );
  }
}
