import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Calendar1795878481591 implements MigrationInterface {
  name = 'Calendar1795878481591';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "calendar_override" ("date" date NOT NULL, "kind" text NOT NULL, "name" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_calendar_override_kind" CHECK ("kind" IN ('holiday', 'workday')), CONSTRAINT "pk_calendar_override" PRIMARY KEY ("date"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "calendar_year" ("year" integer NOT NULL, "source" text NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_calendar_year" PRIMARY KEY ("year"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_year"`);
    await queryRunner.query(`DROP TABLE "calendar_override"`);
  }
}
