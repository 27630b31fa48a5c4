import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Addresses that unsubscribed from non-transactional mail (RFC 8058 one-click). Only a keyed hash
 * of each address is kept, never the address: the table alone names nobody.
 */
export class MailOptOut1797440000000 implements MigrationInterface {
  name = 'MailOptOut1797440000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "mail_opt_out" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "address_hash" character varying(64) NOT NULL, CONSTRAINT "PK_e8577eaf1a36bc5f9fb52b0b4cf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "mail_opt_out_address_hash" ON "mail_opt_out" ("address_hash") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mail_opt_out"`);
  }
}
