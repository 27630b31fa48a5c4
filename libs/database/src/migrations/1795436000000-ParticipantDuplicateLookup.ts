import { MigrationInterface, QueryRunner } from 'typeorm';

/** The duplicate check on creating a participant runs under the session lock: it must not scan the table. */
export class ParticipantDuplicateLookup1795436000000 implements MigrationInterface {
  name = 'ParticipantDuplicateLookup1795436000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "participant_duplicate_lookup" ON "participant" ("registered_by_organisation_id", lower("first_name"), lower(coalesce("last_name", '')))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."participant_duplicate_lookup"`);
  }
}
