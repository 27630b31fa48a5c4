import { MigrationInterface, QueryRunner } from 'typeorm';

/** An organisation's general phone number: participants' messages name it as the number to call. */
export class OrganisationPhone1796598510359 implements MigrationInterface {
  name = 'OrganisationPhone1796598510359';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" ADD "phone" character varying(20)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "phone"`);
  }
}
