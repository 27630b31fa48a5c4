import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, Transaction } from '@app/database';

export interface ShiftRow {
  id: string;
  title: string;
  starts_at: Date;
  ends_at: Date;
  status: string;
  needed: number;
  held: number;
  place: string | null;
  address: string | null;
}

export interface SwapRecipient {
  id: string;
  to_volunteer_id: string;
  assignment_id: string;
  preferred_language: string;
}

export interface AssignmentWithLanguage {
  id: string;
  volunteer_id: string;
  starts_at: Date;
  preferred_language: string;
}

export interface AssignmentRow {
  status: string;
  shift_id: string;
  starts_at: Date;
  calendar_sequence: number;
  calendar_changed_at: Date;
}

export interface SwapRequestRow {
  status: string;
  shift_id: string;
  from_name: string;
  assignment_status: string;
}

export interface StaffMember {
  id: string;
  preferred_language: string;
}

const SHIFT_WITH_PLACE = `SELECT s.id, s.title, s.starts_at, s.ends_at, s.status, s.needed,
       (SELECT count(*)::int FROM shift_assignment h WHERE h.shift_id = s.id AND h.status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')) AS held,
       COALESCE(v.name, e.site_name) AS place, COALESCE(v.address, e.site_address) AS address
  FROM shift s LEFT JOIN session se ON se.id = s.session_id LEFT JOIN venue v ON v.id = se.venue_id LEFT JOIN festival_edition e ON e.id = s.edition_id`;

/**
 * What the shifts' messages read: shifts, assignments and swap requests (the volunteers' own
 * tables), the volunteers and coordinators who hear them (app_user, auth's), and the place of a
 * shift (its session's venue, scheduling's; or its festival edition's site, the festival's, which
 * the volunteers already read for a shift's place).
 */
@Injectable()
export class ShiftMessagesRepository extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Every active coordinator, with the language their alerts are written in. */
  coordinators(tx?: Transaction): Promise<StaffMember[]> {
    return this.on(tx).query<StaffMember[]>(`SELECT id, preferred_language FROM app_user WHERE active AND 'COORDINATOR' = ANY(roles::text[]) ORDER BY id`);
  }

  async swapRequestRecipient(tx: Transaction, requestId: string): Promise<SwapRecipient | undefined> {
    const [row] = await this.on(tx).query<SwapRecipient[]>(
      `SELECT r.id, r.to_volunteer_id, r.assignment_id, u.preferred_language FROM shift_swap_request r JOIN app_user u ON u.id = r.to_volunteer_id WHERE r.id = $1`,
      [requestId],
    );
    return row;
  }

  assignmentsWithLanguage(tx: Transaction, assignmentIds: string[]): Promise<AssignmentWithLanguage[]> {
    return this.on(tx).query<AssignmentWithLanguage[]>(
      `SELECT a.id, a.volunteer_id, a.starts_at, u.preferred_language FROM shift_assignment a JOIN app_user u ON u.id = a.volunteer_id WHERE a.id = ANY($1::uuid[])`,
      [assignmentIds],
    );
  }

  async user(tx: Transaction, userId: string | null): Promise<{ email: string; display_name: string; active: boolean } | undefined> {
    const [user] = await this.on(tx).query<{ email: string; display_name: string; active: boolean }[]>(
      `SELECT email, display_name, active FROM app_user WHERE id = $1`,
      [userId],
    );
    return user;
  }

  async shift(tx: Transaction, shiftId: unknown): Promise<ShiftRow | undefined> {
    const [shift] = await this.on(tx).query<ShiftRow[]>(`${SHIFT_WITH_PLACE} WHERE s.id = $1`, [shiftId]);
    return shift;
  }

  async assignment(tx: Transaction, assignmentId: string | null): Promise<AssignmentRow | undefined> {
    const [assignment] = await this.on(tx).query<AssignmentRow[]>(
      `SELECT status, shift_id, starts_at, calendar_sequence, calendar_changed_at FROM shift_assignment WHERE id = $1`,
      [assignmentId],
    );
    return assignment;
  }

  async swapRequest(tx: Transaction, requestId: unknown): Promise<SwapRequestRow | undefined> {
    const [request] = await this.on(tx).query<SwapRequestRow[]>(
      `SELECT r.status, r.shift_id, u.display_name AS from_name, a.status AS assignment_status
         FROM shift_swap_request r JOIN app_user u ON u.id = r.from_volunteer_id JOIN shift_assignment a ON a.id = r.assignment_id WHERE r.id = $1`,
      [requestId],
    );
    return request;
  }

  /** Open shifts starting after `from` and by `to` with fewer volunteers than needed. */
  understaffedShifts(from: Date, to: Date): Promise<{ id: string }[]> {
    return this.on().query<{ id: string }[]>(
      `SELECT s.id FROM shift s WHERE s.status = 'OPEN' AND s.starts_at > $1 AND s.starts_at <= $2
          AND (SELECT count(*) FROM shift_assignment a WHERE a.shift_id = s.id AND a.status IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')) < s.needed`,
      [from, to],
    );
  }
}
