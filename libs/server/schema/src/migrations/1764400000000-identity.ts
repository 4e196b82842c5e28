import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1764400000000 implements MigrationInterface {
  name = 'Identity1764400000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "organisation" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "kind" text NOT NULL,
        "credit_code" char(18),
        "region_code" char(6) NOT NULL,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_organisation" PRIMARY KEY ("id"),
        CONSTRAINT "ck_organisation_kind" CHECK ("kind" IN ('enterprise', 'government', 'institute', 'alliance', 'service_provider')),
        CONSTRAINT "ck_organisation_enterprise_credit_code" CHECK ("kind" <> 'enterprise' OR "credit_code" IS NOT NULL),
        CONSTRAINT "fk_organisation_region" FOREIGN KEY ("region_code") REFERENCES "region" ("code")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_organisation_credit_code" ON "organisation" ("credit_code") WHERE "credit_code" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_organisation_region_code" ON "organisation" ("region_code")`,
    );

    await queryRunner.query(`
      CREATE TABLE "app_user" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "username" text NOT NULL,
        "display_name" text NOT NULL,
        "role" text NOT NULL,
        "organisation_id" uuid NOT NULL,
        "region_code" char(6),
        "password_hash" text NOT NULL,
        "active" boolean NOT NULL DEFAULT true,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_app_user" PRIMARY KEY ("id"),
        CONSTRAINT "ck_app_user_role" CHECK ("role" IN ('province_admin', 'province_analyst', 'chain_leader', 'chain_office', 'city_coordinator', 'enterprise_user')),
        CONSTRAINT "ck_app_user_city_coordinator_region" CHECK ("role" <> 'city_coordinator' OR "region_code" IS NOT NULL),
        CONSTRAINT "fk_app_user_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisation" ("id"),
        CONSTRAINT "fk_app_user_region" FOREIGN KEY ("region_code") REFERENCES "region" ("code")
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_app_user_username" ON "app_user" ("username")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_app_user_organisation_id" ON "app_user" ("organisation_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "auth_session" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_seen_at" timestamptz NOT NULL DEFAULT now(),
        "expires_at" timestamptz NOT NULL,
        "revoked_at" timestamptz,
        "revoke_reason" text,
        "client_address" text,
        "user_agent" text,
        CONSTRAINT "pk_auth_session" PRIMARY KEY ("id"),
        CONSTRAINT "fk_auth_session_user" FOREIGN KEY ("user_id") REFERENCES "app_user" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_auth_session_user_id" ON "auth_session" ("user_id")`);

    await queryRunner.query(`
      CREATE TABLE "refresh_token" (
        "token_hash" text NOT NULL,
        "session_id" uuid NOT NULL,
        "issued_at" timestamptz NOT NULL DEFAULT now(),
        "used_at" timestamptz,
        CONSTRAINT "pk_refresh_token" PRIMARY KEY ("token_hash"),
        CONSTRAINT "fk_refresh_token_session" FOREIGN KEY ("session_id") REFERENCES "auth_session" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_refresh_token_session_id" ON "refresh_token" ("session_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "login_throttle" (
        "username" text NOT NULL,
        "failed_count" integer NOT NULL DEFAULT 0,
        "locked_until" timestamptz,
        CONSTRAINT "pk_login_throttle" PRIMARY KEY ("username")
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "login_throttle"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP TABLE "auth_session"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
  }
}
