import { Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BaseRepository, type Transaction } from '@app/database';

/** What a message to a member of staff needs of them. */
export interface StaffContact {
  id: string;
  email: string;
  displayName: string;
  language: string;
  active: boolean;
  organisationId: string | null;
}

/** Who the staff are, for the libs that write to them (app_user is auth's; they only read it here). */
@Injectable()
export class StaffDirectory extends BaseRepository {
  constructor(@InjectDataSource() dataSource: DataSource) {
    super(dataSource);
  }

  /** Every active coordinator. */
  async coordinatorIds(tx?: Transaction): Promise<string[]> {
    const rows = await this.on(tx).query<{ id: string }[]>(`SELECT id FROM app_user WHERE active AND 'COORDINATOR' = ANY(roles::text[]) ORDER BY id`);
    return rows.map((row) => row.id);
  }

  /** The users' contacts, by id (unknown ids are left out). */
  async contactsOf(tx: Transaction | undefined, userIds: readonly string[]): Promise<Map<string, StaffContact>> {
    const rows = await this.on(tx).query<
      { id: string; email: string; display_name: string; preferred_language: string; active: boolean; organisation_id: string | null }[]
    >(`SELECT id, email, display_name, preferred_language, active, organisation_id FROM app_user WHERE id = ANY($1::uuid[])`, [[...userIds]]);
    return new Map(
      rows.map((row) => [
        row.id,
        {
          id: row.id,
          email: row.email,
          displayName: row.display_name,
          language: row.preferred_language,
          active: row.active,
          organisationId: row.organisation_id,
        },
      ]),
    );
  }
}

/** The staff directory alone, for libs that write to staff without the rest of auth. */
@Module({ providers: [StaffDirectory], exports: [StaffDirectory] })
export class StaffDirectoryModule {}
