import { MigrationInterface, QueryRunner } from 'typeorm';

export class Registrations1795432790114 implements MigrationInterface {
  name = 'Registrations1795432790114';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."contact_channel" AS ENUM('SMS', 'EMAIL', 'VIA_ORGANISATION', 'NONE')`);
    await queryRunner.query(
      `CREATE TYPE "public"."referral_channel" AS ENUM('SCHOOL', 'INTEGRATION_AGENCY', 'ADULT_EDUCATION', 'CONVERSATION_TABLE', 'FMDO', 'KIND_EN_GEZIN', 'SELF', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "participant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "first_name" character varying(100) NOT NULL, "last_name" character varying(100), "phone" character varying(20), "email" character varying(254), "preferred_language" character varying(10) NOT NULL, "contact_channel" "public"."contact_channel" NOT NULL, "consent_to_contact" boolean NOT NULL DEFAULT false, "consent_recorded_at" TIMESTAMP WITH TIME ZONE, "consent_recorded_by_id" uuid, "referral_channel" "public"."referral_channel", "registered_by_organisation_id" uuid, "created_by_id" uuid, "possible_duplicate_of_id" uuid, CONSTRAINT "PK_64da4237f502041781ca15d4c41" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_2686b3e077463616737de0bfa0" ON "participant"  ("phone") `);
    await queryRunner.query(`CREATE INDEX "IDX_4d9f942284da3f1693be820a05" ON "participant"  ("registered_by_organisation_id", "first_name") `);
    await queryRunner.query(`CREATE TYPE "public"."registration_status" AS ENUM('CONFIRMED', 'WAITLISTED', 'CANCELLED', 'ATTENDED', 'NO_SHOW')`);
    await queryRunner.query(
      `CREATE TABLE "registration" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "session_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "status" "public"."registration_status" NOT NULL, "arrival" BIGSERIAL NOT NULL, "registered_by_id" uuid, "series_id" uuid, "cancelled_at" TIMESTAMP WITH TIME ZONE, "attendance_marked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cb23dc9d28df8801b15e9e2b8d6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_dbf4e7244c6b3ab30dd080423b" ON "registration"  ("participant_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_fd1f9e4f0eab9892944023f12a" ON "registration"  ("session_id", "status", "arrival") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "registration_one_live_per_participant" ON "registration"  ("session_id", "participant_id") WHERE "status" <> 'CANCELLED'`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."registration_event_kind" AS ENUM('CONFIRMED', 'WAITLISTED', 'PROMOTED', 'CANCELLED', 'SESSION_CANCELLED', 'ATTENDED', 'NO_SHOW')`,
    );
    await queryRunner.query(
      `CREATE TABLE "registration_event" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" "public"."registration_event_kind" NOT NULL, "registration_id" uuid NOT NULL, "session_id" uuid NOT NULL, "participant_id" uuid NOT NULL, "waitlist_position" integer, "actor_id" uuid, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e273290b4292fe15ea3b0d03511" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_b46044784a0dc86fc310020918" ON "registration_event"  ("session_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_765d7396957c34a6909a9c1796" ON "registration_event"  ("registration_id", "occurred_at") `);
    await queryRunner.query(
      `CREATE TABLE "app_setting" ("key" character varying(100) NOT NULL, "value" jsonb NOT NULL, "updated_by_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0d66bfb0d9f93124a4549d21af0" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "participant" ADD CONSTRAINT "FK_6e70fad1408031c1784cc31c437" FOREIGN KEY ("registered_by_organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "registration" ADD CONSTRAINT "FK_faed2fd56327e038efcb3b53150" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "registration" ADD CONSTRAINT "FK_dbf4e7244c6b3ab30dd080423b3" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registration" DROP CONSTRAINT "FK_dbf4e7244c6b3ab30dd080423b3"`);
    await queryRunner.query(`ALTER TABLE "registration" DROP CONSTRAINT "FK_faed2fd56327e038efcb3b53150"`);
    await queryRunner.query(`ALTER TABLE "participant" DROP CONSTRAINT "FK_6e70fad1408031c1784cc31c437"`);
    await queryRunner.query(`DROP TABLE "app_setting"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_765d7396957c34a6909a9c1796"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b46044784a0dc86fc310020918"`);
    await queryRunner.query(`DROP TABLE "registration_event"`);
    await queryRunner.query(`DROP TYPE "public"."registration_event_kind"`);
    await queryRunner.query(`DROP INDEX "public"."registration_one_live_per_participant"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fd1f9e4f0eab9892944023f12a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dbf4e7244c6b3ab30dd080423b"`);
    await queryRunner.query(`DROP TABLE "registration"`);
    await queryRunner.query(`DROP TYPE "public"."registration_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4d9f942284da3f1693be820a05"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2686b3e077463616737de0bfa0"`);
    await queryRunner.query(`DROP TABLE "participant"`);
    await queryRunner.query(`DROP TYPE "public"."referral_channel"`);
    await queryRunner.query(`DROP TYPE "public"."contact_channel"`);
  }
}
