import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';

export interface DueFollowUp {
  id: string;
  trajectory_id: string;
  due_on: string;
  first_name: string;
  recorded_on: string | null;
}

/** What the follow-up reminder reads: planned follow-ups (this lib's), the participant's first name (registrations') and the coordinators (auth's). */
@Injectable()
export class TrajectoryMessagesRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  private readonly followUpSql = `SELECT f.id, f.trajectory_id, to_char(f.due_on, 'YYYY-MM-DD') AS due_on, to_char(f.recorded_on, 'YYYY-MM-DD') AS recorded_on, p.first_name
      FROM trajectory_follow_up f JOIN trajectory t ON t.id = f.trajectory_id JOIN participant p ON p.id = t.participant_id`;

  /** Planned follow-ups due on or before `day` that are not done yet. */
  dueFollowUps(day: string, tx?: Transaction): Promise<DueFollowUp[]> {
    return this.on(tx).query<DueFollowUp[]>(`${this.followUpSql} WHERE f.recorded_on IS NULL AND f.due_on <= $1::date ORDER BY f.due_on, f.id`, [day]);
  }

  async followUp(tx: Transaction, id: string): Promise<DueFollowUp | undefined> {
    const [row] = await this.on(tx).query<DueFollowUp[]>(`${this.followUpSql} WHERE f.id = $1`, [id]);
    return row;
  }
}
