import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-way SMS (issue 21): the replies the gateway forwards, once per gateway message id, and the
 * numbers that answered STOP, which no SMS goes to any more.
 */
export class SmsReplies1797430000000 implements MigrationInterface {
  name = 'SmsReplies1797430000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "sms_inbound" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "message_id" character varying(200) NOT NULL, "from_phone" character varying(20) NOT NULL, "text" text NOT NULL, "received_at" TIMESTAMP WITH TIME ZONE NOT NULL, "keyword" character varying(10), "outcome" character varying(30) NOT NULL, "registration_id" uuid, "participant_id" uuid, CONSTRAINT "PK_52febeb8abcc8ef9fc1221155fc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "sms_inbound_message_id" ON "sms_inbound" ("message_id") `);
    await queryRunner.query(`CREATE INDEX "sms_inbound_received_at" ON "sms_inbound" ("received_at") `);
    await queryRunner.query(`CREATE INDEX "sms_inbound_participant" ON "sms_inbound" ("participant_id") `);
    await queryRunner.query(
      `CREATE TABLE "sms_opt_out" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "phone" character varying(20) NOT NULL, "opted_out_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_de3db2eafc63fe48bc6ee4e1490" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "sms_opt_out_phone" ON "sms_opt_out" ("phone") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sms_opt_out"`);
    await queryRunner.query(`DROP TABLE "sms_inbound"`);
  }
}
