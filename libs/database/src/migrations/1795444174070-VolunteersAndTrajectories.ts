import { MigrationInterface, QueryRunner } from 'typeorm';

export class VolunteersAndTrajectories1795444174070 implements MigrationInterface {
  name = 'VolunteersAndTrajectories1795444174070';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."volunteer_skill" AS ENUM('HOST', 'WELCOME', 'TRANSLATOR', 'CHILDCARE', 'COOKING', 'SETUP', 'BUDDY')`);
    await queryRunner.query(`CREATE TYPE "public"."daypart" AS ENUM('MORNING', 'AFTERNOON', 'EVENING')`);
    await queryRunner.query(`CREATE TYPE "public"."screening_status" AS ENUM('NOT_REQUESTED', 'REQUESTED', 'RECEIVED')`);
    await queryRunner.query(
      `CREATE TABLE "volunteer_profile" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "phone" character varying(20), "languages" character varying(10) array NOT NULL DEFAULT '{}', "skills" "public"."volunteer_skill" array NOT NULL DEFAULT '{}', "available_weekdays" integer array NOT NULL DEFAULT '{}', "available_dayparts" "public"."daypart" array NOT NULL DEFAULT '{}', "neighbourhood" character varying(100), "screening_status" "public"."screening_status" NOT NULL DEFAULT 'NOT_REQUESTED', "screening_date" date, "trainings" character varying(200) array NOT NULL DEFAULT '{}', "calendar_token_hash" character varying(64), CONSTRAINT "REL_cfafe8408513320df9f5215ab7" UNIQUE ("user_id"), CONSTRAINT "PK_33a3a098b211e5685669ae0647e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_cfafe8408513320df9f5215ab7" ON "volunteer_profile"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_6fe8e8ee1a39824dc5de755306" ON "volunteer_profile"  ("calendar_token_hash") `);
    await queryRunner.query(
      `CREATE TABLE "volunteer_absence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "reason" character varying(200), CONSTRAINT "volunteer_absence_range" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_74968973a6643ebef7eda02ded1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_fbd50f1bfe3fa45ab3cbd38f17" ON "volunteer_absence"  ("user_id", "starts_on") `);
    await queryRunner.query(`CREATE TYPE "public"."shift_status" AS ENUM('OPEN', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "shift" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "title" character varying(200) NOT NULL, "role" "public"."volunteer_skill" NOT NULL, "needed" integer NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "session_id" uuid, "series_id" uuid, "edition_id" uuid, "plot_id" uuid, "languages" character varying(10) array NOT NULL DEFAULT '{}', "notes" character varying(1000), "status" "public"."shift_status" NOT NULL DEFAULT 'OPEN', "created_by_id" uuid, CONSTRAINT "shift_needed" CHECK ("needed" BETWEEN 1 AND 100), CONSTRAINT "shift_range" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_53071a6485a1e9dc75ec3db54b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_558c191cc988d9acce36548e50" ON "shift"  ("edition_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_23f9607182edebeed7b269c864" ON "shift"  ("series_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b13f5a42696afb2c309e8fdeab" ON "shift"  ("session_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_6b74f82e73f7e550cd68dc86b3" ON "shift"  ("starts_at") `);
    await queryRunner.query(`CREATE TYPE "public"."shift_assignment_status" AS ENUM('ASSIGNED', 'DROPPED', 'ATTENDED', 'NO_SHOW')`);
    await queryRunner.query(
      `CREATE TABLE "shift_assignment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "shift_id" uuid NOT NULL, "volunteer_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" "public"."shift_assignment_status" NOT NULL DEFAULT 'ASSIGNED', "assigned_by_id" uuid, CONSTRAINT "shift_assignment_range" CHECK ("ends_at" > "starts_at"), CONSTRAINT "shift_assignment_no_overlap" EXCLUDE USING gist ("volunteer_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')), CONSTRAINT "PK_035a580d2f4cd37fa971d6976a5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "shift_assignment_one_live" ON "shift_assignment"  ("shift_id", "volunteer_id") WHERE "status" IN ('ASSIGNED', 'ATTENDED', 'NO_SHOW')`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_5c1d02e20abca162cdabc5e303" ON "shift_assignment"  ("volunteer_id", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_405e863e4f8080714ac7827664" ON "shift_assignment"  ("shift_id", "status") `);
    await queryRunner.query(`CREATE TYPE "public"."trajectory_kind" AS ENUM('BUDDY', 'VOLUNTEERING', 'ASSOCIATION', 'INTERNSHIP')`);
    await queryRunner.query(`CREATE TYPE "public"."trajectory_status" AS ENUM('INTAKE', 'MATCHED', 'ACTIVE', 'FOLLOW_UP', 'CLOSED')`);
    await queryRunner.query(
      `CREATE TABLE "trajectory" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "participant_id" uuid NOT NULL, "kind" "public"."trajectory_kind" NOT NULL, "referral_channel" "public"."referral_channel" NOT NULL, "buddy_id" uuid, "host_organisation_id" uuid, "starts_on" date NOT NULL, "ends_on" date, "status" "public"."trajectory_status" NOT NULL DEFAULT 'INTAKE', "notes" character varying(2000), "created_by_id" uuid, CONSTRAINT "PK_373f211dd1c96fdf1344f604847" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_ffa1afe7a290934560108ee44d" ON "trajectory"  ("buddy_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_fef08eefdca300db9479ca242b" ON "trajectory"  ("participant_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_8c9b646403dc7d18c16ce24f25" ON "trajectory"  ("starts_on") `);
    await queryRunner.query(
      `CREATE TABLE "trajectory_status_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "trajectory_id" uuid NOT NULL, "from_status" "public"."trajectory_status", "to_status" "public"."trajectory_status" NOT NULL, "note" character varying(1000), "changed_by_id" uuid, CONSTRAINT "PK_0791771c09b0deb1c99391c97f4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_7f7bc65e685033411368d613be" ON "trajectory_status_change"  ("trajectory_id", "created_at") `);
    await queryRunner.query(
      `CREATE TYPE "public"."follow_up_outcome" AS ENUM('STAYED_MEMBER', 'FOUND_WORK_VIA_INTERIM', 'FOUND_WORK', 'JOINED_CITY_PROJECT', 'FURTHER_TRAINING', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "trajectory_follow_up" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "trajectory_id" uuid NOT NULL, "recorded_on" date NOT NULL, "outcomes" "public"."follow_up_outcome" array NOT NULL DEFAULT '{}', "note" character varying(2000), "recorded_by_id" uuid, CONSTRAINT "PK_6e62a4d06475fe01dbc24e6b5bc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_56fb662ce543d25624c818348f" ON "trajectory_follow_up"  ("trajectory_id", "recorded_on") `);
    await queryRunner.query(
      `ALTER TABLE "volunteer_profile" ADD CONSTRAINT "FK_cfafe8408513320df9f5215ab78" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift_assignment" ADD CONSTRAINT "FK_3e52e8bdb2455448323f32ddc63" FOREIGN KEY ("shift_id") REFERENCES "shift"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift_assignment" ADD CONSTRAINT "FK_e10a66dc47b5b9503517e35a118" FOREIGN KEY ("volunteer_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "trajectory" ADD CONSTRAINT "FK_fef08eefdca300db9479ca242bc" FOREIGN KEY ("participant_id") REFERENCES "participant"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "notification" ADD "shift_assignment_id" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_37775800bc9704b1f75faa3fa6" ON "notification"  ("shift_assignment_id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_37775800bc9704b1f75faa3fa6"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "shift_assignment_id"`);
    await queryRunner.query(`ALTER TABLE "trajectory" DROP CONSTRAINT "FK_fef08eefdca300db9479ca242bc"`);
    await queryRunner.query(`ALTER TABLE "shift_assignment" DROP CONSTRAINT "FK_e10a66dc47b5b9503517e35a118"`);
    await queryRunner.query(`ALTER TABLE "shift_assignment" DROP CONSTRAINT "FK_3e52e8bdb2455448323f32ddc63"`);
    await queryRunner.query(`ALTER TABLE "volunteer_profile" DROP CONSTRAINT "FK_cfafe8408513320df9f5215ab78"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_56fb662ce543d25624c818348f"`);
    await queryRunner.query(`DROP TABLE "trajectory_follow_up"`);
    await queryRunner.query(`DROP TYPE "public"."follow_up_outcome"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7f7bc65e685033411368d613be"`);
    await queryRunner.query(`DROP TABLE "trajectory_status_change"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8c9b646403dc7d18c16ce24f25"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fef08eefdca300db9479ca242b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ffa1afe7a290934560108ee44d"`);
    await queryRunner.query(`DROP TABLE "trajectory"`);
    await queryRunner.query(`DROP TYPE "public"."trajectory_status"`);
    await queryRunner.query(`DROP TYPE "public"."trajectory_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_405e863e4f8080714ac7827664"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5c1d02e20abca162cdabc5e303"`);
    await queryRunner.query(`DROP INDEX "public"."shift_assignment_one_live"`);
    await queryRunner.query(`DROP TABLE "shift_assignment"`);
    await queryRunner.query(`DROP TYPE "public"."shift_assignment_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6b74f82e73f7e550cd68dc86b3"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b13f5a42696afb2c309e8fdeab"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_23f9607182edebeed7b269c864"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_558c191cc988d9acce36548e50"`);
    await queryRunner.query(`DROP TABLE "shift"`);
    await queryRunner.query(`DROP TYPE "public"."shift_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_fbd50f1bfe3fa45ab3cbd38f17"`);
    await queryRunner.query(`DROP TABLE "volunteer_absence"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6fe8e8ee1a39824dc5de755306"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cfafe8408513320df9f5215ab7"`);
    await queryRunner.query(`DROP TABLE "volunteer_profile"`);
    await queryRunner.query(`DROP TYPE "public"."screening_status"`);
    await queryRunner.query(`DROP TYPE "public"."daypart"`);
    await queryRunner.query(`DROP TYPE "public"."volunteer_skill"`);
  }
}
