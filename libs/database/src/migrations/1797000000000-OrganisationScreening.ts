import { MigrationInterface, QueryRunner } from 'typeorm';

/** Picnik: a host organisation's screening (status, date), whether it pays volunteers an allowance, and the trainings it followed. */
export class OrganisationScreening1797000000000 implements MigrationInterface {
  name = 'OrganisationScreening1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."organisation_screening_status" AS ENUM('NOT_SCREENED', 'IN_PROGRESS', 'SCREENED')`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD "screening_status" "public"."organisation_screening_status" NOT NULL DEFAULT 'NOT_SCREENED'`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD "screened_on" date`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD "pays_volunteer_allowance" boolean`);
    await queryRunner.query(`ALTER TABLE "organisation" ADD "allowance_note" character varying(500)`);
    await queryRunner.query(
      `CREATE TABLE "organisation_training" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "followed_on" date NOT NULL, CONSTRAINT "PK_organisation_training" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9f5a53dc611abcbb097966dc6a" ON "organisation_training" ("organisation_id") `);
    await queryRunner.query(
      `ALTER TABLE "organisation_training" ADD CONSTRAINT "FK_9f5a53dc611abcbb097966dc6ae" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "organisation_training"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "allowance_note"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "pays_volunteer_allowance"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "screened_on"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "screening_status"`);
    await queryRunner.query(`DROP TYPE "public"."organisation_screening_status"`);
  }
}
