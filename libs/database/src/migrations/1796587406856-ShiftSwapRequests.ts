import { MigrationInterface, QueryRunner } from 'typeorm';

/** A volunteer's request that a colleague take over a shift: nothing moves until the colleague accepts. */
export class ShiftSwapRequests1796587406856 implements MigrationInterface {
  name = 'ShiftSwapRequests1796587406856';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."shift_swap_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED', 'WITHDRAWN', 'LAPSED')`);
    await queryRunner.query(
      `CREATE TABLE "shift_swap_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "assignment_id" uuid NOT NULL, "shift_id" uuid NOT NULL, "from_volunteer_id" uuid NOT NULL, "to_volunteer_id" uuid NOT NULL, "status" "public"."shift_swap_status" NOT NULL DEFAULT 'PENDING', "taken_assignment_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cd68eca8520d31864d4901b13d5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "shift_swap_request_one_pending" ON "shift_swap_request" ("assignment_id") WHERE "status" = 'PENDING'`);
    await queryRunner.query(`CREATE INDEX "IDX_392047618d8e26fd813255ebc7" ON "shift_swap_request" ("to_volunteer_id", "status") `);
    await queryRunner.query(`CREATE INDEX "IDX_7429f262071e1d872427dd28aa" ON "shift_swap_request" ("from_volunteer_id", "status") `);
    await queryRunner.query(
      `ALTER TABLE "shift_swap_request" ADD CONSTRAINT "FK_8f2b5c90edeae817cd1c1ef2e1e" FOREIGN KEY ("assignment_id") REFERENCES "shift_assignment"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift_swap_request" ADD CONSTRAINT "FK_a0594acf2003221975d918d3577" FOREIGN KEY ("from_volunteer_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "shift_swap_request" ADD CONSTRAINT "FK_d4cf1842c7d24a5dafb1c4ffe63" FOREIGN KEY ("to_volunteer_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "shift_swap_request" DROP CONSTRAINT "FK_d4cf1842c7d24a5dafb1c4ffe63"`);
    await queryRunner.query(`ALTER TABLE "shift_swap_request" DROP CONSTRAINT "FK_a0594acf2003221975d918d3577"`);
    await queryRunner.query(`ALTER TABLE "shift_swap_request" DROP CONSTRAINT "FK_8f2b5c90edeae817cd1c1ef2e1e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7429f262071e1d872427dd28aa"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_392047618d8e26fd813255ebc7"`);
    await queryRunner.query(`DROP INDEX "public"."shift_swap_request_one_pending"`);
    await queryRunner.query(`DROP TABLE "shift_swap_request"`);
    await queryRunner.query(`DROP TYPE "public"."shift_swap_status"`);
  }
}
