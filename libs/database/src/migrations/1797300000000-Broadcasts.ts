import { MigrationInterface, QueryRunner } from 'typeorm';

/** Coordinators' broadcasts: the words and audience of each, and a client key that makes sending twice a no-op. */
export class Broadcasts1797300000000 implements MigrationInterface {
  name = 'Broadcasts1797300000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "broadcast" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "author_id" uuid, "audience_kind" character varying(20) NOT NULL, "audience_id" uuid NOT NULL, "audience_title" character varying(200) NOT NULL, "text" text NOT NULL, "translations" jsonb NOT NULL DEFAULT '[]', "idempotency_key" character varying(100) NOT NULL, "sms_count" integer NOT NULL DEFAULT '0', "email_count" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_0ded4e27b42c4b2589e70095aa9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "broadcast_idempotency_key" ON "broadcast" ("idempotency_key") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "broadcast"`);
  }
}
