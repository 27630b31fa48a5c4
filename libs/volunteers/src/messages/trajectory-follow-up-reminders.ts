import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@app/common';
import { APP_CONFIG, AppConfig } from '@app/config';
import { Transaction, Transactions } from '@app/database';
import { ComposesMessages, Composition, MessageComposer, Outbox, OutboxRow } from '@app/messaging';
import { JobName, OnJob } from '@app/queues';
import { brusselsDay } from '../shifts/availability';
import { ShiftMessagesRepository } from './shift-messages.repository';
import { TrajectoryMessagesRepository } from './trajectory-messages.repository';

/** The follow-up reminder's kind; the string is the key of its message in the catalogues. */
export const TrajectoryMessageKind = {
  TRAJECTORY_FOLLOW_UP_DUE: 'TRAJECTORY_FOLLOW_UP_DUE',
} as const;

/**
 * The coordinators' reminder that a planned Picnik follow-up is due: a daily sweep writes one
 * message per due follow-up per coordinator (the dedupe key makes a second run write nothing),
 * composed when sent and dropped if the follow-up was recorded in the meantime.
 */
@Injectable()
@ComposesMessages(TrajectoryMessageKind.TRAJECTORY_FOLLOW_UP_DUE)
export class TrajectoryFollowUpReminders implements MessageComposer {
  constructor(
    private readonly clock: Clock,
    private readonly transactions: Transactions,
    private readonly outbox: Outbox,
    private readonly followUps: TrajectoryMessagesRepository,
    private readonly staff: ShiftMessagesRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.SWEEP_TRAJECTORY_FOLLOW_UPS)
  async sweepJob(): Promise<{ followUpReminders: number }> {
    return { followUpReminders: await this.sweep() };
  }

  /** Follow-ups due today (Brussels) or earlier and not done: every coordinator hears it once per follow-up. */
  async sweep(): Promise<number> {
    const now = this.clock.now();
    const due = await this.followUps.dueFollowUps(brusselsDay(now));
    if (due.length === 0) return 0;
    const coordinators = await this.staff.coordinators();
    await this.transactions.run((tx) =>
      this.outbox.write(
        tx,
        due.flatMap((followUp) =>
          coordinators.map((coordinator) => ({
            kind: TrajectoryMessageKind.TRAJECTORY_FOLLOW_UP_DUE,
            channel: 'EMAIL' as const,
            userId: coordinator.id,
            language: coordinator.preferred_language,
            dueAt: now,
            dedupeKey: `${TrajectoryMessageKind.TRAJECTORY_FOLLOW_UP_DUE}|${followUp.id}|${coordinator.id}`,
            payload: { followUpId: followUp.id },
          })),
        ),
      ),
    );
    return due.length * coordinators.length;
  }

  async compose(tx: Transaction, row: OutboxRow): Promise<Composition> {
    const user = await this.staff.user(tx, row.userId);
    if (!user?.active) return { stale: 'the user is no longer active' };
    const followUp = typeof row.payload.followUpId === 'string' ? await this.followUps.followUp(tx, row.payload.followUpId) : undefined;
    if (!followUp) return { stale: 'the follow-up was removed' };
    if (followUp.recorded_on) return { stale: 'the follow-up is recorded' };
    // {title}: whose case; {date}: when it was due (noon, so the Brussels day is the planned one).
    const dueAt = new Date(`${followUp.due_on}T12:00:00Z`);
    return {
      to: user.email,
      vars: {
        firstName: user.display_name,
        sessionTitle: followUp.first_name,
        startsAt: dueAt,
        endsAt: dueAt,
        venueName: 'Picnik',
        venueAddress: '8500 Kortrijk',
        link: `${this.config.publicBaseUrl}/staff/picnik/cases/${followUp.trajectory_id}`,
      },
      calendar: null,
    };
  }
}
