import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Children (issue 21): a programme's childcare capacity (apart from the seats), each family's
 * childcare place, and the children a parent lists by name, age and school (the zomerschool).
 */
export class Children1797460000000 implements MigrationInterface {
  name = 'Children1797460000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programme" ADD "childcare_capacity" integer`);
    await queryRunner.query(`ALTER TABLE "programme" ADD "lists_children" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "programme" ADD CONSTRAINT "programme_childcare_capacity_range" CHECK ("childcare_capacity" BETWEEN 1 AND 200)`);
    await queryRunner.query(`CREATE TYPE "public"."childcare_status" AS ENUM('PLACED', 'WAITLISTED')`);
    await queryRunner.query(`ALTER TABLE "registration" ADD "childcare_status" "public"."childcare_status"`);
    await queryRunner.query(
      `CREATE TABLE "registration_child" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "registration_id" uuid NOT NULL, "position" integer NOT NULL, "first_name" character varying(100) NOT NULL, "age" integer NOT NULL, "school" character varying(200), CONSTRAINT "registration_child_age_range" CHECK ("age" BETWEEN 3 AND 14), CONSTRAINT "PK_aaf52252597304c648ddcdc97f8" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "registration_child_registration" ON "registration_child"  ("registration_id", "position") `);
    await queryRunner.query(
      `ALTER TABLE "registration_child" ADD CONSTRAINT "FK_registration_child_registration" FOREIGN KEY ("registration_id") REFERENCES "registration"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "registration_child"`);
    await queryRunner.query(`ALTER TABLE "registration" DROP COLUMN "childcare_status"`);
    await queryRunner.query(`DROP TYPE "public"."childcare_status"`);
    await queryRunner.query(`ALTER TABLE "programme" DROP CONSTRAINT "programme_childcare_capacity_range"`);
    await queryRunner.query(`ALTER TABLE "programme" DROP COLUMN "lists_children"`);
    await queryRunner.query(`ALTER TABLE "programme" DROP COLUMN "childcare_capacity"`);
  }
}
