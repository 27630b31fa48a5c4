import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795430355210 implements MigrationInterface {
  name = 'Initial1795430355210';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."organisation_kind" AS ENUM('SCHOOL', 'NEIGHBOURHOOD_CENTRE', 'KIND_EN_GEZIN', 'ASSOCIATION', 'PARTNER', 'CITY')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(200) NOT NULL, "kind" "public"."organisation_kind" NOT NULL, CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_d9428f9c8e3052d6617e3aab0e" ON "organisation"  ("name") `);
    await queryRunner.query(
      `CREATE TABLE "venue" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organisation_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "address" character varying(300) NOT NULL, "room" character varying(100), "capacity_limit" integer, "accessibility_notes" character varying(1000), CONSTRAINT "PK_c53deb6d1bcb088f9d459e7dbc0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9f312e87687178cad1a537edfa" ON "venue"  ("organisation_id") `);
    await queryRunner.query(`CREATE TYPE "public"."programme_kind" AS ENUM('TABLE', 'SERIES_COURSE', 'TRAJECTORY', 'FESTIVAL')`);
    await queryRunner.query(
      `CREATE TABLE "programme" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(200) NOT NULL, "kind" "public"."programme_kind" NOT NULL, "description" character varying(2000), "default_capacity" integer NOT NULL, "reminder_offsets_minutes" integer array NOT NULL DEFAULT '{1440,120}', "languages" character varying(16) array NOT NULL DEFAULT '{nl}', "active" boolean NOT NULL DEFAULT true, CONSTRAINT "UQ_46001affee0cee5356f85f30135" UNIQUE ("name"), CONSTRAINT "programme_capacity_positive" CHECK ("default_capacity" >= 1), CONSTRAINT "PK_76ff6b30b74f213944d1ac0a660" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('ADMIN', 'COORDINATOR', 'HOST', 'SCHOOL_CONTACT', 'FESTIVAL_ORGANISER', 'VOLUNTEER')`);
    await queryRunner.query(
      `CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" character varying(254) NOT NULL, "password_hash" character varying(200) NOT NULL, "display_name" character varying(200) NOT NULL, "roles" "public"."user_role" array NOT NULL, "organisation_id" uuid, "active" boolean NOT NULL DEFAULT true, "token_version" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3fa909d0e37c531ebc23770339" ON "app_user"  ("email") `);
    await queryRunner.query(`CREATE INDEX "IDX_6fa42e978fa7d7adc32736e26f" ON "app_user"  ("organisation_id") `);
    await queryRunner.query(
      `CREATE TABLE "session_series" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "programme_id" uuid NOT NULL, "venue_id" uuid NOT NULL, "title" character varying(200) NOT NULL, "rrule" character varying(500) NOT NULL, "first_starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "duration_minutes" integer NOT NULL, "capacity" integer, "skip_school_holidays" boolean NOT NULL DEFAULT false, "open_ended" boolean NOT NULL, "materialised_until" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_077f57f4d4502f888c8874cbbec" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_1643970338a478b57f9c6f3279" ON "session_series"  ("programme_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7bc67cf075243680c13f9aa16a" ON "session_series"  ("venue_id") `);
    await queryRunner.query(`CREATE TYPE "public"."session_status" AS ENUM('SCHEDULED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "programme_id" uuid NOT NULL, "venue_id" uuid NOT NULL, "series_id" uuid, "title" character varying(200) NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "capacity" integer NOT NULL, "status" "public"."session_status" NOT NULL DEFAULT 'SCHEDULED', "cancellation_reason" character varying(1000), "cancelled_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "session_capacity_positive" CHECK ("capacity" >= 1), CONSTRAINT "session_ends_after_start" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "session_series_occurrence" ON "session"  ("series_id", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_6ca1605ffa224bbe495990ca0f" ON "session"  ("venue_id", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_2e8253390a741ee9eaf4f7c97f" ON "session"  ("programme_id", "starts_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_90968585b7f0be66c19a5c0eb0" ON "session"  ("starts_at", "id") `);
    await queryRunner.query(`CREATE TYPE "public"."closure_kind" AS ENUM('SCHOOL_HOLIDAYS', 'PUBLIC_HOLIDAYS', 'ORGANISATION')`);
    await queryRunner.query(
      `CREATE TABLE "closure_calendar" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" "public"."closure_kind" NOT NULL, "organisation_id" uuid, "name" character varying(200) NOT NULL, "filled_school_years" integer array NOT NULL DEFAULT '{}', CONSTRAINT "PK_cebb319fd04be7ef27fdcc2b4c7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "closure_calendar_organisation_kind" ON "closure_calendar"  ("kind", "organisation_id") WHERE "organisation_id" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "closure_calendar_shared_kind" ON "closure_calendar"  ("kind") WHERE "organisation_id" IS NULL`);
    await queryRunner.query(
      `CREATE TABLE "closure_day" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "calendar_id" uuid NOT NULL, "date" date NOT NULL, "label" character varying(200) NOT NULL, CONSTRAINT "PK_11621b86283e9d242c91b42ddee" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_c0eec59f0c6a09b743ceb5506e" ON "closure_day"  ("date") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2716932be305b9908d5614552a" ON "closure_day"  ("calendar_id", "date") `);
    await queryRunner.query(
      `CREATE TABLE "session_series_host" ("series_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_11b7e31a8f8d76cdba924663b2a" PRIMARY KEY ("series_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_e61d944fdf8ff443c4f2d7fe7d" ON "session_series_host"  ("series_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_2b93e512eaec71835ad9eca518" ON "session_series_host"  ("user_id") `);
    await queryRunner.query(
      `CREATE TABLE "session_host" ("session_id" uuid NOT NULL, "user_id" uuid NOT NULL, CONSTRAINT "PK_50cfb04126744c12764f0a23ab1" PRIMARY KEY ("session_id", "user_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_33e5f964da21bc11a570051b88" ON "session_host"  ("session_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_828ab96215e8e659de3657940f" ON "session_host"  ("user_id") `);
    await queryRunner.query(
      `ALTER TABLE "venue" ADD CONSTRAINT "FK_9f312e87687178cad1a537edfa4" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "app_user" ADD CONSTRAINT "FK_6fa42e978fa7d7adc32736e26fd" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_series" ADD CONSTRAINT "FK_1643970338a478b57f9c6f32794" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_series" ADD CONSTRAINT "FK_7bc67cf075243680c13f9aa16a1" FOREIGN KEY ("venue_id") REFERENCES "venue"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_759915a33ccf0247fd9d9bd04be" FOREIGN KEY ("programme_id") REFERENCES "programme"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_4bdf6e992c01191c4db95f5f670" FOREIGN KEY ("venue_id") REFERENCES "venue"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_077f57f4d4502f888c8874cbbec" FOREIGN KEY ("series_id") REFERENCES "session_series"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "closure_calendar" ADD CONSTRAINT "FK_ec3aee80dca604346172284b584" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "closure_day" ADD CONSTRAINT "FK_e26f980c105923b2958222925ba" FOREIGN KEY ("calendar_id") REFERENCES "closure_calendar"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_series_host" ADD CONSTRAINT "FK_e61d944fdf8ff443c4f2d7fe7d9" FOREIGN KEY ("series_id") REFERENCES "session_series"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_series_host" ADD CONSTRAINT "FK_2b93e512eaec71835ad9eca5182" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_host" ADD CONSTRAINT "FK_33e5f964da21bc11a570051b886" FOREIGN KEY ("session_id") REFERENCES "session"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
    await queryRunner.query(
      `ALTER TABLE "session_host" ADD CONSTRAINT "FK_828ab96215e8e659de3657940fc" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "session_host" DROP CONSTRAINT "FK_828ab96215e8e659de3657940fc"`);
    await queryRunner.query(`ALTER TABLE "session_host" DROP CONSTRAINT "FK_33e5f964da21bc11a570051b886"`);
    await queryRunner.query(`ALTER TABLE "session_series_host" DROP CONSTRAINT "FK_2b93e512eaec71835ad9eca5182"`);
    await queryRunner.query(`ALTER TABLE "session_series_host" DROP CONSTRAINT "FK_e61d944fdf8ff443c4f2d7fe7d9"`);
    await queryRunner.query(`ALTER TABLE "closure_day" DROP CONSTRAINT "FK_e26f980c105923b2958222925ba"`);
    await queryRunner.query(`ALTER TABLE "closure_calendar" DROP CONSTRAINT "FK_ec3aee80dca604346172284b584"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_077f57f4d4502f888c8874cbbec"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_4bdf6e992c01191c4db95f5f670"`);
    await queryRunner.query(`ALTER TABLE "session" DROP CONSTRAINT "FK_759915a33ccf0247fd9d9bd04be"`);
    await queryRunner.query(`ALTER TABLE "session_series" DROP CONSTRAINT "FK_7bc67cf075243680c13f9aa16a1"`);
    await queryRunner.query(`ALTER TABLE "session_series" DROP CONSTRAINT "FK_1643970338a478b57f9c6f32794"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_6fa42e978fa7d7adc32736e26fd"`);
    await queryRunner.query(`ALTER TABLE "venue" DROP CONSTRAINT "FK_9f312e87687178cad1a537edfa4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_828ab96215e8e659de3657940f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_33e5f964da21bc11a570051b88"`);
    await queryRunner.query(`DROP TABLE "session_host"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2b93e512eaec71835ad9eca518"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e61d944fdf8ff443c4f2d7fe7d"`);
    await queryRunner.query(`DROP TABLE "session_series_host"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2716932be305b9908d5614552a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c0eec59f0c6a09b743ceb5506e"`);
    await queryRunner.query(`DROP TABLE "closure_day"`);
    await queryRunner.query(`DROP INDEX "public"."closure_calendar_shared_kind"`);
    await queryRunner.query(`DROP INDEX "public"."closure_calendar_organisation_kind"`);
    await queryRunner.query(`DROP TABLE "closure_calendar"`);
    await queryRunner.query(`DROP TYPE "public"."closure_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_90968585b7f0be66c19a5c0eb0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2e8253390a741ee9eaf4f7c97f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6ca1605ffa224bbe495990ca0f"`);
    await queryRunner.query(`DROP INDEX "public"."session_series_occurrence"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP TYPE "public"."session_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7bc67cf075243680c13f9aa16a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1643970338a478b57f9c6f3279"`);
    await queryRunner.query(`DROP TABLE "session_series"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6fa42e978fa7d7adc32736e26f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3fa909d0e37c531ebc23770339"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
    await queryRunner.query(`DROP TABLE "programme"`);
    await queryRunner.query(`DROP TYPE "public"."programme_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9f312e87687178cad1a537edfa"`);
    await queryRunner.query(`DROP TABLE "venue"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d9428f9c8e3052d6617e3aab0e"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
    await queryRunner.query(`DROP TYPE "public"."organisation_kind"`);
  }
}
