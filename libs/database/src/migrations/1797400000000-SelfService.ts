import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Newcomer self-service (issue 21): an OFFERED seat held until seat_offer_expires_at, the children
 * who come along, and one personal link per registration, of which only a hash is kept.
 */
export class SelfService1797400000000 implements MigrationInterface {
  name = 'SelfService1797400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."registration_status" ADD VALUE IF NOT EXISTS 'OFFERED'`);
    await queryRunner.query(`ALTER TABLE "registration" ADD "seat_offer_expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "registration" ADD "children" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE "registration" ADD CONSTRAINT "registration_children_range" CHECK ("children" BETWEEN 0 AND 10)`);
    await queryRunner.query(
      `CREATE TABLE "registration_link" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "registration_id" uuid NOT NULL, "token_hash" character varying(64) NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f4b4bf4eb64c220b2d46e268318" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "registration_link_registration" ON "registration_link" ("registration_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "registration_link_token_hash" ON "registration_link" ("token_hash") `);
    await queryRunner.query(
      `ALTER TABLE "registration_link" ADD CONSTRAINT "FK_registration_link_registration" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "registration_link"`);
    await queryRunner.query(`ALTER TABLE "registration" DROP CONSTRAINT "registration_children_range"`);
    await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "children"`);
    await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "seat_offer_expires_at"`);
    // An enum value cannot be dropped: offered seats become confirmed and the type is rebuilt without it.
    await queryRunner.query(`UPDATE "registration" SET "status" = 'CONFIRMED' WHERE "status" = 'OFFERED'`);
    await queryRunner.query(`ALTER TYPE "public"."registration_status" RENAME TO "registration_status_old"`);
    await queryRunner.query(`CREATE TYPE "public"."registration_status" AS ENUM('CONFIRMED', 'WAITLISTED', 'CANCELLED', 'ATTENDED', 'NO_SHOW')`);
    await queryRunner.query(
      `ALTER TABLE "registration" ALTER COLUMN "status" TYPE "public"."registration_status" USING "status"::"text"::"public"."registration_status"`,
    );
    await queryRunner.query(`DROP TYPE "public"."registration_status_old"`);
  }
}
