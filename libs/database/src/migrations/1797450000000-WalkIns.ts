import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Walk-ins (issue 21): a registration added at the door is flagged `walk_in`; one that found no free
 * seat sits `beyond_capacity` and is left out of the booked seats (docs/architecture.md#invariant-1).
 * An anonymous walk-in is a participant row flagged `anonymous`, without any contact data.
 */
export class WalkIns1797450000000 implements MigrationInterface {
  name = 'WalkIns1797450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "registration" ADD "walk_in" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "registration" ADD "beyond_capacity" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "registration" ADD CONSTRAINT "registration_beyond_capacity_walk_in" CHECK (NOT "beyond_capacity" OR "walk_in")`);
    await queryRunner.query(`ALTER TABLE "participant" ADD "anonymous" boolean NOT NULL DEFAULT false`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "participant" DROP COLUMN "anonymous"`);
    await queryRunner.query(`ALTER TABLE "registration" DROP CONSTRAINT "registration_beyond_capacity_walk_in"`);
    await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "beyond_capacity"`);
    await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "walk_in"`);
  }
}
