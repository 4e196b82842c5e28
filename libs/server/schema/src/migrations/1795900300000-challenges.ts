import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 揭榜挂帅: challenges on short boards, their milestones, and the applications to them. */
export class Challenges1795900300000 implements MigrationInterface {
  name = 'Challenges1795900300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "challenge" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "chain_id" uuid NOT NULL, "short_board_id" uuid NOT NULL, "title" text NOT NULL, "requirements" text NOT NULL, "budget_wan" numeric(14,2) NOT NULL, "deadline" date NOT NULL, "status" text NOT NULL DEFAULT 'draft', "created_by_user_id" uuid NOT NULL, "selected_application_id" uuid, "cancel_reason" text, "published_at" TIMESTAMP WITH TIME ZONE, "selected_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_challenge_budget" CHECK ("budget_wan" > 0), CONSTRAINT "ck_challenge_status" CHECK ("status" IN ('draft', 'published', 'closed', 'selected', 'cancelled')), CONSTRAINT "pk_challenge" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_challenge_short_board_id" ON "challenge" ("short_board_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_challenge_chain_id_status" ON "challenge" ("chain_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "challenge_milestone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "title" text NOT NULL, "due_date" date NOT NULL, "sort_order" integer NOT NULL DEFAULT '0', "task_id" uuid, CONSTRAINT "pk_challenge_milestone" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_challenge_milestone_challenge_id" ON "challenge_milestone" ("challenge_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "challenge_application" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "challenge_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "submitted_by_user_id" uuid NOT NULL, "proposal" text NOT NULL, "quoted_budget_wan" numeric(14,2), "planned_completion_date" date, "status" text NOT NULL DEFAULT 'submitted', "decided_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_challenge_application_quote" CHECK ("quoted_budget_wan" IS NULL OR "quoted_budget_wan" > 0), CONSTRAINT "ck_challenge_application_status" CHECK ("status" IN ('submitted', 'shortlisted', 'selected', 'not_selected', 'withdrawn')), CONSTRAINT "pk_challenge_application" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_challenge_application_organisation_id" ON "challenge_application" ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_challenge_application_challenge_id_status" ON "challenge_application" ("challenge_id", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_challenge_application_live" ON "challenge_application" ("challenge_id", "organisation_id") WHERE "status" IN ('submitted', 'shortlisted')`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge" ADD CONSTRAINT "fk_challenge_chain" FOREIGN KEY ("chain_id") REFERENCES "chain"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge" ADD CONSTRAINT "fk_challenge_short_board" FOREIGN KEY ("short_board_id") REFERENCES "short_board"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge" ADD CONSTRAINT "fk_challenge_created_by_user" FOREIGN KEY ("created_by_user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge" ADD CONSTRAINT "fk_challenge_selected_application" FOREIGN KEY ("selected_application_id") REFERENCES "challenge_application"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_milestone" ADD CONSTRAINT "fk_challenge_milestone_challenge" FOREIGN KEY ("challenge_id") REFERENCES "challenge"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_milestone" ADD CONSTRAINT "fk_challenge_milestone_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_application" ADD CONSTRAINT "fk_challenge_application_challenge" FOREIGN KEY ("challenge_id") REFERENCES "challenge"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_application" ADD CONSTRAINT "fk_challenge_application_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_application" ADD CONSTRAINT "fk_challenge_application_submitted_by_user" FOREIGN KEY ("submitted_by_user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "challenge_application" DROP CONSTRAINT "fk_challenge_application_submitted_by_user"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_application" DROP CONSTRAINT "fk_challenge_application_organisation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_application" DROP CONSTRAINT "fk_challenge_application_challenge"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_milestone" DROP CONSTRAINT "fk_challenge_milestone_task"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge_milestone" DROP CONSTRAINT "fk_challenge_milestone_challenge"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge" DROP CONSTRAINT "fk_challenge_selected_application"`,
    );
    await queryRunner.query(
      `ALTER TABLE "challenge" DROP CONSTRAINT "fk_challenge_created_by_user"`,
    );
    await queryRunner.query(`ALTER TABLE "challenge" DROP CONSTRAINT "fk_challenge_short_board"`);
    await queryRunner.query(`ALTER TABLE "challenge" DROP CONSTRAINT "fk_challenge_chain"`);
    await queryRunner.query(`DROP INDEX "public"."uq_challenge_application_live"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenge_application_challenge_id_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenge_application_organisation_id"`);
    await queryRunner.query(`DROP TABLE "challenge_application"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenge_milestone_challenge_id"`);
    await queryRunner.query(`DROP TABLE "challenge_milestone"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenge_chain_id_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_challenge_short_board_id"`);
    await queryRunner.query(`DROP TABLE "challenge"`);
  }
}
