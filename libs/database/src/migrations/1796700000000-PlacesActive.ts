import { MigrationInterface, QueryRunner } from 'typeorm';

/** Organisations and venues are switched off rather than deleted: sessions held there stay in the history. */
export class PlacesActive1796700000000 implements MigrationInterface {
  name = 'PlacesActive1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" ADD "active" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "venue" ADD "active" boolean NOT NULL DEFAULT true`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "venue" DROP COLUMN "active"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "active"`);
  }
}
