import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ChainsAndTasks1795875117931 implements MigrationInterface {
  name = 'ChainsAndTasks1795875117931';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "chain" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" text NOT NULL, "name_zh" text NOT NULL, "name_en" text NOT NULL, "industry_group" text NOT NULL, "level" text NOT NULL, "region_code" character(6) NOT NULL, "parent_id" uuid, "target_text" text, "target_value" numeric(14,2), "target_unit" text, "plan_section" text, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_chain_industry_group" CHECK ("industry_group" IN ('next_generation_it', 'high_end_equipment', 'new_materials', 'modern_medicine', 'high_end_chemicals', 'traditional', 'future')), CONSTRAINT "ck_chain_level" CHECK ("level" IN ('province', 'city', 'county')), CONSTRAINT "pk_chain" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_chain_parent_id" ON "chain"  ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "ix_chain_region_code" ON "chain"  ("region_code") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_chain_code" ON "chain"  ("code") `);
    await queryRunner.query(
      `CREATE TABLE "chain_leadership" ("chain_id" uuid NOT NULL, "user_id" uuid NOT NULL, "kind" text NOT NULL, CONSTRAINT "ck_chain_leadership_kind" CHECK ("kind" IN ('chief', 'leader', 'office')), CONSTRAINT "pk_chain_leadership" PRIMARY KEY ("chain_id", "user_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_chain_leadership_user_id" ON "chain_leadership"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "chain_member" ("chain_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "role" text NOT NULL, "joined_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_chain_member_role" CHECK ("role" IN ('chain_master', 'key_supporting', 'member', 'research_partner', 'service_provider')), CONSTRAINT "pk_chain_member" PRIMARY KEY ("chain_id", "organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_chain_member_organisation_id" ON "chain_member"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "chain_node" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "chain_id" uuid NOT NULL, "parent_id" uuid, "stage" text NOT NULL, "name" text NOT NULL, "foreign_dependence" numeric(4,3), "chokepoint" boolean NOT NULL DEFAULT false, "sort_order" integer NOT NULL DEFAULT '0', "version" integer NOT NULL DEFAULT '1', CONSTRAINT "ck_chain_node_foreign_dependence" CHECK ("foreign_dependence" IS NULL OR ("foreign_dependence" >= 0 AND "foreign_dependence" <= 1)), CONSTRAINT "ck_chain_node_stage" CHECK ("stage" IN ('upstream', 'midstream', 'downstream')), CONSTRAINT "pk_chain_node" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_chain_node_parent_id" ON "chain_node"  ("parent_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_chain_node_chain_id" ON "chain_node"  ("chain_id") `);
    await queryRunner.query(
      `CREATE TABLE "chain_node_enterprise" ("node_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "pk_chain_node_enterprise" PRIMARY KEY ("node_id", "organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_chain_node_enterprise_organisation_id" ON "chain_node_enterprise"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "short_board" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "chain_id" uuid NOT NULL, "node_id" uuid, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "category" text NOT NULL, "chokepoint" boolean NOT NULL DEFAULT false, "foreign_dependence" numeric(4,3), "status" text NOT NULL DEFAULT 'identified', "progress" integer NOT NULL DEFAULT '0', "start_date" date NOT NULL, "target_date" date NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_short_board_dates" CHECK ("target_date" >= "start_date"), CONSTRAINT "ck_short_board_progress" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "ck_short_board_status" CHECK ("status" IN ('identified', 'tackling', 'breakthrough', 'resolved', 'shelved')), CONSTRAINT "ck_short_board_category" CHECK ("category" IN ('core_technology', 'key_component', 'basic_material', 'basic_process', 'major_equipment', 'basic_software', 'element_supply')), CONSTRAINT "pk_short_board" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_short_board_chain_id" ON "short_board"  ("chain_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "short_board_owner" ("short_board_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "pk_short_board_owner" PRIMARY KEY ("short_board_id", "organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_short_board_owner_organisation_id" ON "short_board_owner"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "project" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "chain_id" uuid NOT NULL, "name" text NOT NULL, "type" text NOT NULL, "region_code" character(6) NOT NULL, "owner_organisation_id" uuid NOT NULL, "planned_investment" numeric(14,2) NOT NULL, "completed_investment" numeric(14,2) NOT NULL DEFAULT '0', "stage" text NOT NULL DEFAULT 'signed', "start_date" date NOT NULL, "end_date" date NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_project_dates" CHECK ("end_date" >= "start_date"), CONSTRAINT "ck_project_investment" CHECK ("planned_investment" > 0 AND "completed_investment" >= 0), CONSTRAINT "ck_project_stage" CHECK ("stage" IN ('signed', 'started', 'under_construction', 'in_production')), CONSTRAINT "ck_project_type" CHECK ("type" IN ('build', 'fill', 'extend', 'strengthen')), CONSTRAINT "pk_project" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_project_owner_organisation_id" ON "project"  ("owner_organisation_id") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_project_chain_id" ON "project"  ("chain_id") `);
    await queryRunner.query(
      `CREATE TABLE "project_milestone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "project_id" uuid NOT NULL, "name" text NOT NULL, "planned_date" date NOT NULL, "actual_date" date, "sort_order" integer NOT NULL DEFAULT '0', CONSTRAINT "pk_project_milestone" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_project_milestone_project_id" ON "project_milestone"  ("project_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "task" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "chain_id" uuid NOT NULL, "short_board_id" uuid, "project_id" uuid, "title" text NOT NULL, "description" text NOT NULL DEFAULT '', "assigner_user_id" uuid NOT NULL, "assignee_organisation_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'draft', "priority" text NOT NULL DEFAULT 'normal', "due_date" date NOT NULL, "report_every_workdays" integer, "progress" integer NOT NULL DEFAULT '0', "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_task_progress" CHECK ("progress" BETWEEN 0 AND 100), CONSTRAINT "ck_task_report_every" CHECK ("report_every_workdays" IS NULL OR "report_every_workdays" BETWEEN 1 AND 60), CONSTRAINT "ck_task_priority" CHECK ("priority" IN ('low', 'normal', 'high', 'urgent')), CONSTRAINT "ck_task_status" CHECK ("status" IN ('draft', 'assigned', 'accepted', 'in_progress', 'submitted', 'returned', 'done', 'cancelled')), CONSTRAINT "pk_task" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_task_due_date" ON "task"  ("due_date") `);
    await queryRunner.query(
      `CREATE INDEX "ix_task_assignee_organisation_id_status" ON "task"  ("assignee_organisation_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_task_chain_id_status" ON "task"  ("chain_id", "status") `,
    );
    await queryRunner.query(
      `CREATE TABLE "task_co_handler" ("task_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, CONSTRAINT "pk_task_co_handler" PRIMARY KEY ("task_id", "organisation_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_task_co_handler_organisation_id" ON "task_co_handler"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "task_event" ("id" bigint GENERATED BY DEFAULT AS IDENTITY NOT NULL, "task_id" uuid NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "action" text NOT NULL, "from_status" text, "to_status" text, "reason" text, "data" jsonb, CONSTRAINT "pk_task_event" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_task_event_task_id" ON "task_event"  ("task_id") `);
    await queryRunner.query(
      `CREATE TABLE "task_comment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "task_id" uuid NOT NULL, "author_user_id" uuid NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_task_comment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_task_comment_task_id" ON "task_comment"  ("task_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "progress_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "subject_type" text NOT NULL, "subject_id" uuid NOT NULL, "chain_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "author_user_id" uuid NOT NULL, "percent" integer NOT NULL, "narrative" text NOT NULL, "problems" text NOT NULL DEFAULT '', "needs" text NOT NULL DEFAULT '', "status" text NOT NULL DEFAULT 'submitted', "review_reason" text, "reviewed_by_user_id" uuid, "reviewed_at" TIMESTAMP WITH TIME ZONE, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_progress_report_return_reason" CHECK ("status" <> 'returned' OR "review_reason" IS NOT NULL), CONSTRAINT "ck_progress_report_percent" CHECK ("percent" BETWEEN 0 AND 100), CONSTRAINT "ck_progress_report_status" CHECK ("status" IN ('submitted', 'accepted', 'returned')), CONSTRAINT "ck_progress_report_subject_type" CHECK ("subject_type" IN ('task', 'short_board', 'project')), CONSTRAINT "pk_progress_report" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_progress_report_organisation_id" ON "progress_report"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_progress_report_chain_id_status" ON "progress_report"  ("chain_id", "status") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_progress_report_subject" ON "progress_report"  ("subject_type", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "coordination_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "chain_id" uuid NOT NULL, "organisation_id" uuid NOT NULL, "raised_by_user_id" uuid NOT NULL, "category" text NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "status" text NOT NULL DEFAULT 'open', "department" text, "answer" text, "respond_by" date NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_coordination_request_status" CHECK ("status" IN ('open', 'assigned', 'answered', 'closed')), CONSTRAINT "ck_coordination_request_category" CHECK ("category" IN ('land', 'energy', 'finance', 'talent', 'logistics', 'other')), CONSTRAINT "pk_coordination_request" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_coordination_request_organisation_id" ON "coordination_request"  ("organisation_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_coordination_request_chain_id_status" ON "coordination_request"  ("chain_id", "status") `,
    );
    await queryRunner.query(
      `ALTER TABLE "chain" ADD CONSTRAINT "fk_chain_region" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain" ADD CONSTRAINT "fk_chain_parent" FOREIGN KEY ("parent_id") REFERENCES "chain"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_leadership" ADD CONSTRAINT "fk_chain_leadership_chain" FOREIGN KEY ("chain_id") REFERENCES "chain"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_leadership" ADD CONSTRAINT "fk_chain_leadership_user" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_member" ADD CONSTRAINT "fk_chain_member_chain" FOREIGN KEY ("chain_id") REFERENCES "chain"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_member" ADD CONSTRAINT "fk_chain_member_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_node" ADD CONSTRAINT "fk_chain_node_chain" FOREIGN KEY ("chain_id") REFERENCES "chain"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_node" ADD CONSTRAINT "fk_chain_node_parent" FOREIGN KEY ("parent_id") REFERENCES "chain_node"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_node_enterprise" ADD CONSTRAINT "fk_chain_node_enterprise_node" FOREIGN KEY ("node_id") REFERENCES "chain_node"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_node_enterprise" ADD CONSTRAINT "fk_chain_node_enterprise_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "short_board" ADD CONSTRAINT "fk_short_board_chain" FOREIGN KEY ("chain_id") REFERENCES "chain"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "short_board" ADD CONSTRAINT "fk_short_board_node" FOREIGN KEY ("node_id") REFERENCES "chain_node"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "short_board_owner" ADD CONSTRAINT "fk_short_board_owner_short_board" FOREIGN KEY ("short_board_id") REFERENCES "short_board"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "short_board_owner" ADD CONSTRAINT "fk_short_board_owner_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "project" ADD CONSTRAINT "fk_project_chain" FOREIGN KEY ("chain_id") REFERENCES "chain"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "project" ADD CONSTRAINT "fk_project_region" FOREIGN KEY ("region_code") REFERENCES "region"("code") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "project" ADD CONSTRAINT "fk_project_owner_organisation" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_milestone" ADD CONSTRAINT "fk_project_milestone_project" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "fk_task_chain" FOREIGN KEY ("chain_id") REFERENCES "chain"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "fk_task_short_board" FOREIGN KEY ("short_board_id") REFERENCES "short_board"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "fk_task_project" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "fk_task_assigner_user" FOREIGN KEY ("assigner_user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task" ADD CONSTRAINT "fk_task_assignee_organisation" FOREIGN KEY ("assignee_organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_co_handler" ADD CONSTRAINT "fk_task_co_handler_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_co_handler" ADD CONSTRAINT "fk_task_co_handler_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_event" ADD CONSTRAINT "fk_task_event_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_comment" ADD CONSTRAINT "fk_task_comment_task" FOREIGN KEY ("task_id") REFERENCES "task"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_comment" ADD CONSTRAINT "fk_task_comment_author_user" FOREIGN KEY ("author_user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_report" ADD CONSTRAINT "fk_progress_report_chain" FOREIGN KEY ("chain_id") REFERENCES "chain"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_report" ADD CONSTRAINT "fk_progress_report_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_report" ADD CONSTRAINT "fk_progress_report_author_user" FOREIGN KEY ("author_user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_report" ADD CONSTRAINT "fk_progress_report_reviewed_by_user" FOREIGN KEY ("reviewed_by_user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "coordination_request" ADD CONSTRAINT "fk_coordination_request_chain" FOREIGN KEY ("chain_id") REFERENCES "chain"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "coordination_request" ADD CONSTRAINT "fk_coordination_request_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "coordination_request" ADD CONSTRAINT "fk_coordination_request_raised_by_user" FOREIGN KEY ("raised_by_user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "coordination_request" DROP CONSTRAINT "fk_coordination_request_raised_by_user"`,
    );
    await queryRunner.query(
      `ALTER TABLE "coordination_request" DROP CONSTRAINT "fk_coordination_request_organisation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "coordination_request" DROP CONSTRAINT "fk_coordination_request_chain"`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_report" DROP CONSTRAINT "fk_progress_report_reviewed_by_user"`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_report" DROP CONSTRAINT "fk_progress_report_author_user"`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_report" DROP CONSTRAINT "fk_progress_report_organisation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "progress_report" DROP CONSTRAINT "fk_progress_report_chain"`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_comment" DROP CONSTRAINT "fk_task_comment_author_user"`,
    );
    await queryRunner.query(`ALTER TABLE "task_comment" DROP CONSTRAINT "fk_task_comment_task"`);
    await queryRunner.query(`ALTER TABLE "task_event" DROP CONSTRAINT "fk_task_event_task"`);
    await queryRunner.query(
      `ALTER TABLE "task_co_handler" DROP CONSTRAINT "fk_task_co_handler_organisation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "task_co_handler" DROP CONSTRAINT "fk_task_co_handler_task"`,
    );
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "fk_task_assignee_organisation"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "fk_task_assigner_user"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "fk_task_project"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "fk_task_short_board"`);
    await queryRunner.query(`ALTER TABLE "task" DROP CONSTRAINT "fk_task_chain"`);
    await queryRunner.query(
      `ALTER TABLE "project_milestone" DROP CONSTRAINT "fk_project_milestone_project"`,
    );
    await queryRunner.query(
      `ALTER TABLE "project" DROP CONSTRAINT "fk_project_owner_organisation"`,
    );
    await queryRunner.query(`ALTER TABLE "project" DROP CONSTRAINT "fk_project_region"`);
    await queryRunner.query(`ALTER TABLE "project" DROP CONSTRAINT "fk_project_chain"`);
    await queryRunner.query(
      `ALTER TABLE "short_board_owner" DROP CONSTRAINT "fk_short_board_owner_organisation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "short_board_owner" DROP CONSTRAINT "fk_short_board_owner_short_board"`,
    );
    await queryRunner.query(`ALTER TABLE "short_board" DROP CONSTRAINT "fk_short_board_node"`);
    await queryRunner.query(`ALTER TABLE "short_board" DROP CONSTRAINT "fk_short_board_chain"`);
    await queryRunner.query(
      `ALTER TABLE "chain_node_enterprise" DROP CONSTRAINT "fk_chain_node_enterprise_organisation"`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_node_enterprise" DROP CONSTRAINT "fk_chain_node_enterprise_node"`,
    );
    await queryRunner.query(`ALTER TABLE "chain_node" DROP CONSTRAINT "fk_chain_node_parent"`);
    await queryRunner.query(`ALTER TABLE "chain_node" DROP CONSTRAINT "fk_chain_node_chain"`);
    await queryRunner.query(
      `ALTER TABLE "chain_member" DROP CONSTRAINT "fk_chain_member_organisation"`,
    );
    await queryRunner.query(`ALTER TABLE "chain_member" DROP CONSTRAINT "fk_chain_member_chain"`);
    await queryRunner.query(
      `ALTER TABLE "chain_leadership" DROP CONSTRAINT "fk_chain_leadership_user"`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_leadership" DROP CONSTRAINT "fk_chain_leadership_chain"`,
    );
    await queryRunner.query(`ALTER TABLE "chain" DROP CONSTRAINT "fk_chain_parent"`);
    await queryRunner.query(`ALTER TABLE "chain" DROP CONSTRAINT "fk_chain_region"`);
    await queryRunner.query(`DROP INDEX "public"."ix_coordination_request_chain_id_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_coordination_request_organisation_id"`);
    await queryRunner.query(`DROP TABLE "coordination_request"`);
    await queryRunner.query(`DROP INDEX "public"."ix_progress_report_subject"`);
    await queryRunner.query(`DROP INDEX "public"."ix_progress_report_chain_id_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_progress_report_organisation_id"`);
    await queryRunner.query(`DROP TABLE "progress_report"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_comment_task_id"`);
    await queryRunner.query(`DROP TABLE "task_comment"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_event_task_id"`);
    await queryRunner.query(`DROP TABLE "task_event"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_co_handler_organisation_id"`);
    await queryRunner.query(`DROP TABLE "task_co_handler"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_chain_id_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_assignee_organisation_id_status"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_due_date"`);
    await queryRunner.query(`DROP TABLE "task"`);
    await queryRunner.query(`DROP INDEX "public"."ix_project_milestone_project_id"`);
    await queryRunner.query(`DROP TABLE "project_milestone"`);
    await queryRunner.query(`DROP INDEX "public"."ix_project_chain_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_project_owner_organisation_id"`);
    await queryRunner.query(`DROP TABLE "project"`);
    await queryRunner.query(`DROP INDEX "public"."ix_short_board_owner_organisation_id"`);
    await queryRunner.query(`DROP TABLE "short_board_owner"`);
    await queryRunner.query(`DROP INDEX "public"."ix_short_board_chain_id"`);
    await queryRunner.query(`DROP TABLE "short_board"`);
    await queryRunner.query(`DROP INDEX "public"."ix_chain_node_enterprise_organisation_id"`);
    await queryRunner.query(`DROP TABLE "chain_node_enterprise"`);
    await queryRunner.query(`DROP INDEX "public"."ix_chain_node_chain_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_chain_node_parent_id"`);
    await queryRunner.query(`DROP TABLE "chain_node"`);
    await queryRunner.query(`DROP INDEX "public"."ix_chain_member_organisation_id"`);
    await queryRunner.query(`DROP TABLE "chain_member"`);
    await queryRunner.query(`DROP INDEX "public"."ix_chain_leadership_user_id"`);
    await queryRunner.query(`DROP TABLE "chain_leadership"`);
    await queryRunner.query(`DROP INDEX "public"."uq_chain_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_chain_region_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_chain_parent_id"`);
    await queryRunner.query(`DROP TABLE "chain"`);
  }
}
