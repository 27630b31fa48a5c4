import { MigrationInterface, QueryRunner } from 'typeorm';

/** The history of consent to be contacted, one row per recordConsent (libs/privacy). */
export class ConsentRecords1797213047311 implements MigrationInterface {
  name = 'ConsentRecords1797213047311';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "consent_record" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "participant_id" uuid NOT NULL, "consent" boolean NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_by_id" uuid, CONSTRAINT "PK_b357c35aea3aa0be4647282324f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "consent_record_participant_recorded_at" ON "consent_record" ("participant_id", "recorded_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "consent_record"`);
  }
}
