import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Attachments1795876110521 implements MigrationInterface {
  name = 'Attachments1795876110521';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "attachment" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "owner_type" text NOT NULL, "owner_id" uuid NOT NULL, "file_name" text NOT NULL, "mime" text NOT NULL, "size" integer NOT NULL, "sha256" character(64) NOT NULL, "uploaded_by_user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_attachment_size" CHECK ("size" > 0), CONSTRAINT "ck_attachment_owner_type" CHECK ("owner_type" IN ('task', 'report')), CONSTRAINT "pk_attachment" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_attachment_owner" ON "attachment"  ("owner_type", "owner_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "attachment" ADD CONSTRAINT "fk_attachment_uploaded_by_user" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "app_user"("id") ON DELETE NO ACTION ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "attachment" DROP CONSTRAINT "fk_attachment_uploaded_by_user"`,
    );
    await queryRunner.query(`DROP INDEX "public"."ix_attachment_owner"`);
    await queryRunner.query(`DROP TABLE "attachment"`);
  }
}
