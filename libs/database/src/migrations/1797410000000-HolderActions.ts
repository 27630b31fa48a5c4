import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the holder of a personal link does without a login (issue 21): "I am coming" is kept on the
 * registration (hosts see it in their list), and every registration event says whether the holder
 * acted through the link page or an SMS reply (`via`; null when staff or the system acted).
 */
export class HolderActions1797410000000 implements MigrationInterface {
  name = 'HolderActions1797410000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."registration_event_kind" ADD VALUE IF NOT EXISTS 'HOLDER_CONFIRMED'`);
    await queryRunner.query(`CREATE TYPE "public"."holder_via" AS ENUM('LINK', 'SMS')`);
    await queryRunner.query(`ALTER TABLE "registration_event" ADD "via" "public"."holder_via"`);
    await queryRunner.query(`ALTER TABLE "registration" ADD "holder_confirmed_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "holder_confirmed_at"`);
    await queryRunner.query(`ALTER TABLE "registration_event" DROP COLUMN "via"`);
    await queryRunner.query(`DROP TYPE "public"."holder_via"`);
    // An enum value cannot be dropped: the holder's confirmations go and the type is rebuilt without it.
    await queryRunner.query(`DELETE FROM "registration_event" WHERE "kind" = 'HOLDER_CONFIRMED'`);
    await queryRunner.query(`ALTER TYPE "public"."registration_event_kind" RENAME TO "registration_event_kind_old"`);
    await queryRunner.query(
      `CREATE TYPE "public"."registration_event_kind" AS ENUM('CONFIRMED', 'WAITLISTED', 'PROMOTED', 'CANCELLED', 'SESSION_CANCELLED', 'ATTENDED', 'NO_SHOW')`,
    );
    await queryRunner.query(
      `ALTER TABLE "registration_event" ALTER COLUMN "kind" TYPE "public"."registration_event_kind" USING "kind"::"text"::"public"."registration_event_kind"`,
    );
    await queryRunner.query(`DROP TYPE "public"."registration_event_kind_old"`);
  }
}
