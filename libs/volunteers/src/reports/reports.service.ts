import { Injectable } from '@nestjs/common';
import { Actor, AppError, toCsv, validate } from '@app/common';
import { ReferralChannel } from '@app/registrations';
import { TrajectoryKind, TrajectoryOutcome, TrajectoryStatus } from '../entities';
import { volunteersPolicy } from '../volunteers-policy';
import { ReportsRepository } from './reports.repository';

export interface CountBy<K extends string> {
  key: K;
  count: number;
}

export interface TrajectoryReport {
  from: string;
  to: string;
  total: number;
  byKind: CountBy<TrajectoryKind>[];
  byReferralChannel: CountBy<ReferralChannel>[];
  byStatus: CountBy<TrajectoryStatus>[];
  /** The closed ones; closed before an outcome was asked counts as UNKNOWN. */
  byOutcome: CountBy<TrajectoryOutcome>[];
}

export interface ProgrammeMonth {
  programmeId: string;
  programmeName: string;
  month: string;
  sessionsHeld: number;
  seatsOffered: number;
  confirmed: number;
  /** Walk-ins included. */
  attended: number;
  /** Of the attended, those added at the door (anonymous ones included). */
  walkIns: number;
  noShows: number;
  waitlisted: number;
  /** Children who came along with the seated (adults above), and with those who attended; from each registration's `children`. */
  childrenConfirmed: number;
  childrenAttended: number;
}

/** Figures for the city's reports; every category appears, with 0 where nothing happened. */
@Injectable()
export class ReportsService {
  constructor(private readonly reports: ReportsRepository) {}

  /** Trajectories that started between from and to (inclusive dates), by kind, referral channel and current status. */
  async trajectoryReport(actor: Actor | null, from: string, to: string): Promise<TrajectoryReport> {
    volunteersPolicy.requireCoordinator(actor, 'see reports');
    period(from, to);
    const rows = await this.reports.trajectoryCounts(from, to);
    const tally = <K extends string>(keys: K[], keyOf: (row: (typeof rows)[number]) => K): CountBy<K>[] =>
      keys.map((key) => ({ key, count: rows.filter((row) => keyOf(row) === key).reduce((sum, row) => sum + row.count, 0) }));
    return {
      from,
      to,
      total: rows.reduce((sum, row) => sum + row.count, 0),
      byKind: tally(Object.values(TrajectoryKind), (row) => row.kind),
      byReferralChannel: tally(Object.values(ReferralChannel), (row) => row.referral_channel),
      byStatus: tally(Object.values(TrajectoryStatus), (row) => row.status),
      byOutcome: Object.values(TrajectoryOutcome).map((key) => ({
        key,
        count: rows
          .filter((row) => row.status === TrajectoryStatus.CLOSED && (row.outcome ?? TrajectoryOutcome.UNKNOWN) === key)
          .reduce((sum, row) => sum + row.count, 0),
      })),
    };
  }

  async trajectoryReportCsv(actor: Actor | null, from: string, to: string): Promise<string> {
    const report = await this.trajectoryReport(actor, from, to);
    const lines = [
      ['total', 'ALL', report.total],
      ...report.byKind.map((c) => ['kind', c.key, c.count]),
      ...report.byReferralChannel.map((c) => ['referral_channel', c.key, c.count]),
      ...report.byStatus.map((c) => ['status', c.key, c.count]),
      ...report.byOutcome.map((c) => ['outcome', c.key, c.count]),
    ];
    return toCsv(['dimension', 'value', 'trajectories'], lines);
  }

  /**
   * Per programme and month (Brussels) of the sessions that took place between from and to: sessions
   * held (not cancelled), seats offered, seated registrations, attended, no-shows, and people who
   * were on a waiting list.
   */
  async programmeReport(actor: Actor | null, from: string, to: string, programmeId?: string | null): Promise<ProgrammeMonth[]> {
    volunteersPolicy.requireCoordinator(actor, 'see reports');
    period(from, to);
    const programme = programmeId == null ? null : validate.uuid('programmeId', programmeId);
    const rows = await this.reports.programmeMonths(from, to, programme);
    return rows.map(({ programme_id, programme_name, ...figures }) => ({ programmeId: programme_id, programmeName: programme_name, ...figures }));
  }

  async programmeReportCsv(actor: Actor | null, from: string, to: string, programmeId?: string | null): Promise<string> {
    const rows = await this.programmeReport(actor, from, to, programmeId);
    return toCsv(
      ['programme', 'month', 'sessions_held', 'seats_offered', 'confirmed', 'attended', 'no_shows', 'waitlisted', 'children_confirmed', 'children_attended'],
      rows.map((row) => [
        row.programmeName,
        row.month,
        row.sessionsHeld,
        row.seatsOffered,
        row.confirmed,
        row.attended,
        row.noShows,
        row.waitlisted,
        row.childrenConfirmed,
        row.childrenAttended,
      ]),
    );
  }
}

function period(from: string, to: string): void {
  validate.isoDate('from', from, '2022-01-01');
  validate.isoDate('to', to, '2023-09-30');
  if (to < from) throw AppError.badInput('to must not be before from', 'to');
}
