import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Seat offers (issue 21): how long before a session a freed seat is offered instead of given
 * (seat_offer_window_minutes) and how long an offer is held (seat_offer_hold_minutes), per
 * programme; and the audit trail's kinds for an offer and its outcome.
 */
export class SeatOffers1797420000000 implements MigrationInterface {
  name = 'SeatOffers1797420000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programme" ADD "seat_offer_window_minutes" integer NOT NULL DEFAULT '1440'`);
    await queryRunner.query(`ALTER TABLE "programme" ADD "seat_offer_hold_minutes" integer NOT NULL DEFAULT '180'`);
    await queryRunner.query(
      `ALTER TABLE "programme" ADD CONSTRAINT "programme_seat_offer_window_range" CHECK ("seat_offer_window_minutes" BETWEEN 0 AND 20160)`,
    );
    await queryRunner.query(`ALTER TABLE "programme" ADD CONSTRAINT "programme_seat_offer_hold_range" CHECK ("seat_offer_hold_minutes" BETWEEN 15 AND 2880)`);
    for (const kind of ['OFFERED', 'OFFER_ACCEPTED', 'OFFER_DECLINED', 'OFFER_EXPIRED'])
      await queryRunner.query(`ALTER TYPE "public"."registration_event_kind" ADD VALUE IF NOT EXISTS '${kind}'`);
    // The sweep looks for due offers only.
    await queryRunner.query(`CREATE INDEX "registration_offer_expiry" ON "registration" ("seat_offer_expires_at") WHERE "status" = 'OFFERED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."registration_offer_expiry"`);
    // An enum value cannot be dropped: the offer events are removed and the type is rebuilt without them.
    await queryRunner.query(`DELETE FROM "registration_event" WHERE "kind" IN ('OFFERED', 'OFFER_ACCEPTED', 'OFFER_DECLINED', 'OFFER_EXPIRED')`);
    await queryRunner.query(`ALTER TYPE "public"."registration_event_kind" RENAME TO "registration_event_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."registration_event_kind" AS ENUM('CONFIRMED', 'WAITLISTED', 'PROMOTED', 'CANCELLED', 'SESSION_CANCELLED', 'ATTENDED', 'NO_SHOW', 'HOLDER_CONFIRMED')`,
    );
    await queryRunner.query(
      `ALTER TABLE "registration_event" ALTER COLUMN "kind" TYPE "public"."registration_event_kind" USING "kind"::"text"::"public"."registration_event_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."registration_event_kind_old"`);
    await queryRunner.query(`ALTER TABLE "programme" DROP CONSTRAINT "programme_seat_offer_hold_range"`);
    await queryRunner.query(`ALTER TABLE "programme" DROP CONSTRAINT "programme_seat_offer_window_range"`);
    await queryRunner.query(`ALTER TABLE "programme" DROP COLUMN "seat_offer_hold_minutes"`);
    await queryRunner.query(`ALTER TABLE "programme" DROP COLUMN "seat_offer_window_minutes"`);
  }
}
