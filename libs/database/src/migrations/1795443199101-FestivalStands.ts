import { MigrationInterface, QueryRunner } from 'typeorm';

export class FestivalStands1795443199101 implements MigrationInterface {
  name = 'FestivalStands1795443199101';

  async up(queryRunner: QueryRunner): Promise<void> {
    // btree_gist lets a GiST exclusion constraint compare plot ids with =; it is a trusted extension (PG 13+), so the database owner may create it.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(
      `CREATE TABLE "festival_edition" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" character varying(200) NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "site_name" character varying(200) NOT NULL, "site_address" character varying(300) NOT NULL, "site_map_url" character varying(500), "application_deadline" TIMESTAMP WITH TIME ZONE, "max_plots_per_organisation_per_day" integer NOT NULL DEFAULT '2', CONSTRAINT "festival_edition_dates" CHECK ("ends_on" >= "starts_on"), CONSTRAINT "PK_ccf065f8c4003c9a0a9875892f6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "festival_opening_block" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edition_id" uuid NOT NULL, "day" date NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "festival_opening_block_range" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_91f8f9bfb34412f293df8894d4b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_47965d5899c872138c9c3fd78d" ON "festival_opening_block"  ("edition_id", "starts_at") `);
    await queryRunner.query(
      `CREATE TABLE "stand_plot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edition_id" uuid NOT NULL, "code" character varying(20) NOT NULL, "description" character varying(500), "width_metres" double precision NOT NULL, "depth_metres" double precision NOT NULL, "has_power" boolean NOT NULL DEFAULT false, "has_water" boolean NOT NULL DEFAULT false, "cooking_allowed" boolean NOT NULL DEFAULT false, "map_x" double precision NOT NULL, "map_y" double precision NOT NULL, "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_55fb51e4e3eaaac484d13fb15ff" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_66ed0dac11ac576fcead3bfc8f" ON "stand_plot"  ("edition_id", "code") `);
    await queryRunner.query(`CREATE TYPE "public"."stand_offering" AS ENUM('FOOD', 'CULTURE', 'FOOD_AND_CULTURE')`);
    await queryRunner.query(
      `CREATE TABLE "stand_application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edition_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "offering" "public"."stand_offering" NOT NULL, "community" character varying(200) NOT NULL, "country_code" character varying(2), "description" character varying(2000), "needs_power" boolean NOT NULL DEFAULT false, "needs_water" boolean NOT NULL DEFAULT false, "cooking" boolean NOT NULL DEFAULT false, "applied_by_id" uuid, CONSTRAINT "PK_fae2d17cabe15e98edd5841d157" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_9d57aa4b2ad6697cd4770e8a19" ON "stand_application"  ("organisation_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_17a913500dba946cd6e855348b" ON "stand_application"  ("edition_id", "organisation_id") `);
    await queryRunner.query(`CREATE TYPE "public"."stand_booking_status" AS ENUM('REQUESTED', 'CONFIRMED', 'CANCELLED')`);
    await queryRunner.query(
      `CREATE TABLE "stand_booking" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "edition_id" uuid NOT NULL, "plot_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "application_id" uuid, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "day" date NOT NULL, "status" "public"."stand_booking_status" NOT NULL DEFAULT 'REQUESTED', "requested_by_id" uuid, "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "reason" character varying(500), CONSTRAINT "stand_booking_range" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_3db320280e8a960c5278fc21dc5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_74ae17485a4fe7b8ca2f5f46c9" ON "stand_booking"  ("application_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_1f9c55ccb2b1bfad98f3ec96f5" ON "stand_booking"  ("organisation_id", "day") `);
    await queryRunner.query(`CREATE INDEX "IDX_2d604329cab47a17cbc8f41747" ON "stand_booking"  ("edition_id", "status") `);
    // docs/architecture.md#invariant-3: two live bookings of one plot never overlap; '[)' lets one slot end when the next starts.
    await queryRunner.query(
      `ALTER TABLE "stand_booking" ADD CONSTRAINT "stand_booking_no_overlap" EXCLUDE USING gist ("plot_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" IN ('REQUESTED', 'CONFIRMED'))`,
    );
    await queryRunner.query(`ALTER TABLE "app_user" ADD "preferred_language" character varying(10) NOT NULL DEFAULT 'nl'`);
    await queryRunner.query(`ALTER TABLE "notification" ADD "stand_booking_id" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_192af4356c9344dba607d86c88" ON "notification"  ("stand_booking_id") `);
    await queryRunner.query(
      `ALTER TABLE "festival_opening_block" ADD CONSTRAINT "FK_90cc7f95b4985f053c556799221" FOREIGN KEY ("edition_id") REFERENCES "festival_edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stand_plot" ADD CONSTRAINT "FK_e80f635a25496f8e073200e02a6" FOREIGN KEY ("edition_id") REFERENCES "festival_edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stand_application" ADD CONSTRAINT "FK_7e333bcee11cf5691b12ba604c8" FOREIGN KEY ("edition_id") REFERENCES "festival_edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stand_application" ADD CONSTRAINT "FK_9d57aa4b2ad6697cd4770e8a192" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stand_booking" ADD CONSTRAINT "FK_f2aee38308fe15bf174aea3ccb4" FOREIGN KEY ("edition_id") REFERENCES "festival_edition"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stand_booking" ADD CONSTRAINT "FK_4ac769b8662e5a64a237314c8d0" FOREIGN KEY ("plot_id") REFERENCES "stand_plot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stand_booking" ADD CONSTRAINT "FK_ec4b54fb3c5db89733b72a0f440" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "stand_booking" ADD CONSTRAINT "FK_74ae17485a4fe7b8ca2f5f46c9d" FOREIGN KEY ("application_id") REFERENCES "stand_application"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "stand_booking" DROP CONSTRAINT "FK_74ae17485a4fe7b8ca2f5f46c9d"`);
    await queryRunner.query(`ALTER TABLE "stand_booking" DROP CONSTRAINT "FK_ec4b54fb3c5db89733b72a0f440"`);
    await queryRunner.query(`ALTER TABLE "stand_booking" DROP CONSTRAINT "FK_4ac769b8662e5a64a237314c8d0"`);
    await queryRunner.query(`ALTER TABLE "stand_booking" DROP CONSTRAINT "FK_f2aee38308fe15bf174aea3ccb4"`);
    await queryRunner.query(`ALTER TABLE "stand_application" DROP CONSTRAINT "FK_9d57aa4b2ad6697cd4770e8a192"`);
    await queryRunner.query(`ALTER TABLE "stand_application" DROP CONSTRAINT "FK_7e333bcee11cf5691b12ba604c8"`);
    await queryRunner.query(`ALTER TABLE "stand_plot" DROP CONSTRAINT "FK_e80f635a25496f8e073200e02a6"`);
    await queryRunner.query(`ALTER TABLE "festival_opening_block" DROP CONSTRAINT "FK_90cc7f95b4985f053c556799221"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_192af4356c9344dba607d86c88"`);
    await queryRunner.query(`ALTER TABLE "notification" DROP COLUMN "stand_booking_id"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "preferred_language"`);
    await queryRunner.query(`ALTER TABLE "stand_booking" DROP CONSTRAINT "stand_booking_no_overlap"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2d604329cab47a17cbc8f41747"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1f9c55ccb2b1bfad98f3ec96f5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_74ae17485a4fe7b8ca2f5f46c9"`);
    await queryRunner.query(`DROP TABLE "stand_booking"`);
    await queryRunner.query(`DROP TYPE "public"."stand_booking_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_17a913500dba946cd6e855348b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9d57aa4b2ad6697cd4770e8a19"`);
    await queryRunner.query(`DROP TABLE "stand_application"`);
    await queryRunner.query(`DROP TYPE "public"."stand_offering"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_66ed0dac11ac576fcead3bfc8f"`);
    await queryRunner.query(`DROP TABLE "stand_plot"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_47965d5899c872138c9c3fd78d"`);
    await queryRunner.query(`DROP TABLE "festival_opening_block"`);
    await queryRunner.query(`DROP TABLE "festival_edition"`);
  }
}
