import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose rows carry `chain_id` and feed a chain's facts. */
const CHAIN_TABLES = ['task', 'progress_report', 'short_board', 'project', 'coordination_request'];

/**
 * Issue 7, the province at scale (docs/benchmarks.md):
 * - `task.closed_on`, the Shanghai day a task was done or cancelled (backfilled from its
 *   history), so the cockpit's weekly trends read tasks, not five million history rows;
 * - indexes chosen from the query plans of the province benchmark;
 * - `chain_facts.facts` is `json`, not `jsonb`: it is only ever written whole and read
 *   whole, and PostgreSQL sends json text as stored (reading the province's 176 rows took
 *   a third of the time it took as jsonb);
 * - `chain_facts`: each chain's facts for the cockpit and chain health, computed for a
 *   day and a `version`. A statement-level trigger on every table the facts read bumps
 *   the version of each chain a statement touched, in the writer's transaction, so a
 *   reader recomputes exactly the chains that changed since (or all of them on a new day).
 */
export class ProvinceScale1795900400000 implements MigrationInterface {
  name = 'ProvinceScale1795900400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "task" ADD "closed_on" date`);
    await queryRunner.query(
      `UPDATE task t SET closed_on = c.day
       FROM (SELECT e.task_id, min((e.occurred_at AT TIME ZONE 'Asia/Shanghai')::date) AS day
             FROM task_event e WHERE e.to_status IN ('done', 'cancelled') GROUP BY e.task_id) c
       WHERE c.task_id = t.id AND t.status IN ('done', 'cancelled')`,
    );
    await queryRunner.query(
      `UPDATE task SET closed_on = (updated_at AT TIME ZONE 'Asia/Shanghai')::date
       WHERE status IN ('done', 'cancelled') AND closed_on IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_task_chain_id_created_at" ON "task" ("chain_id", "created_at") `,
    );
    // A chain's list filtered by status, in due-date order (the list's default), reads its
    // first page off the index instead of sorting every matching task.
    await queryRunner.query(`DROP INDEX "public"."ix_task_chain_id_status"`);
    await queryRunner.query(
      `CREATE INDEX "ix_task_chain_id_status_due_date" ON "task" ("chain_id", "status", "due_date", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_task_chain_id_closed_on" ON "task" ("chain_id", "closed_on") WHERE "status" = 'done'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_task_late" ON "task" ("chain_id", "due_date", "closed_on", "created_at") WHERE "status" <> 'draft' AND ("closed_on" IS NULL OR "closed_on" > "due_date")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_supervision_notice_level_issued_at" ON "supervision_notice" ("level", "issued_at", "seq") `,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_scheduled_event_pending_fire_at"`);
    await queryRunner.query(
      `CREATE INDEX "ix_scheduled_event_pending_fire_at_id" ON "scheduled_event" ("fire_at", "id") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE TABLE "chain_facts" ("chain_id" uuid NOT NULL, "version" bigint NOT NULL DEFAULT '1', "computed_version" bigint, "day" date, "facts" json, CONSTRAINT "pk_chain_facts" PRIMARY KEY ("chain_id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "chain_facts" ADD CONSTRAINT "fk_chain_facts_chain" FOREIGN KEY ("chain_id") REFERENCES "chain"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // One function for every table: the chains a statement touched, in a fixed order (so
    // two writers lock chain_facts rows in the same order), each bumped once.
    await queryRunner.query(`
      CREATE FUNCTION chain_facts_touch() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'supervision_notice' THEN
          INSERT INTO chain_facts (chain_id)
          SELECT DISTINCT t.chain_id FROM touched_rows r JOIN task t ON t.id = r.task_id ORDER BY 1
          ON CONFLICT (chain_id) DO UPDATE SET version = chain_facts.version + 1;
        ELSE
          INSERT INTO chain_facts (chain_id)
          SELECT DISTINCT chain_id FROM touched_rows ORDER BY 1
          ON CONFLICT (chain_id) DO UPDATE SET version = chain_facts.version + 1;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of [...CHAIN_TABLES, 'supervision_notice']) {
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_facts_insert" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS touched_rows FOR EACH STATEMENT EXECUTE FUNCTION chain_facts_touch()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_facts_update" AFTER UPDATE ON "${table}" REFERENCING NEW TABLE AS touched_rows FOR EACH STATEMENT EXECUTE FUNCTION chain_facts_touch()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "tr_${table}_facts_delete" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS touched_rows FOR EACH STATEMENT EXECUTE FUNCTION chain_facts_touch()`,
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [...CHAIN_TABLES, 'supervision_notice']) {
      for (const op of ['insert', 'update', 'delete'])
        await queryRunner.query(`DROP TRIGGER "tr_${table}_facts_${op}" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION chain_facts_touch()`);
    await queryRunner.query(`ALTER TABLE "chain_facts" DROP CONSTRAINT "fk_chain_facts_chain"`);
    await queryRunner.query(`DROP TABLE "chain_facts"`);
    await queryRunner.query(`DROP INDEX "public"."ix_scheduled_event_pending_fire_at_id"`);
    await queryRunner.query(
      `CREATE INDEX "ix_scheduled_event_pending_fire_at" ON "scheduled_event" ("fire_at") WHERE "status" = 'pending'`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_supervision_notice_level_issued_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_late"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_chain_id_closed_on"`);
    await queryRunner.query(`DROP INDEX "public"."ix_task_chain_id_status_due_date"`);
    await queryRunner.query(
      `CREATE INDEX "ix_task_chain_id_status" ON "task" ("chain_id", "status") `,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_task_chain_id_created_at"`);
    await queryRunner.query(`ALTER TABLE "task" DROP COLUMN "closed_on"`);
  }
}
