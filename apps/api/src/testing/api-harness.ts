import type { INestApplication } from '@nestjs/common';
import { CREDIT_CODE_ALPHABET, creditCodeCheckCharacter, type Role } from '@lianzhang/domain';
import { dataSourceOptions, loadConfig, migrate, type AppConfig } from '@lianzhang/server/core';
import { PasswordHasher } from '@lianzhang/server/identity';
import { SCHEMA } from '@lianzhang/server/schema';
import { seedCatalogue } from '@lianzhang/server/seed';
import {
  createTestDatabase,
  dropRedisPrefix,
  testQueuePrefix,
  type TestDatabase,
} from '@lianzhang/server/testing';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createApi } from '../bootstrap';

export const TEST_PASSWORD = 'Correct-Horse-9';

export interface ApiResponse<T = unknown> {
  readonly status: number;
  readonly body: T;
  readonly headers: Headers;
}

export interface RequestOptions {
  readonly token?: string;
  readonly body?: unknown;
  readonly cookie?: string;
  readonly language?: string;
}

/**
 * The real api over HTTP on a database of its own, with builders for organisations and
 * users. Queue on PostgreSQL (no worker: these tests do not need the canary).
 */
export class ApiHarness {
  private constructor(
    readonly database: TestDatabase,
    readonly dataSource: DataSource,
    readonly config: AppConfig,
    readonly app: INestApplication,
    readonly base: string,
  ) {}

  static async start(label: string): Promise<ApiHarness> {
    const database = await createTestDatabase(label);
    await migrate(database.url, SCHEMA);
    const dataSource = await new DataSource(
      dataSourceOptions(database.url, SCHEMA, { poolSize: 4 }),
    ).initialize();
    await seedCatalogue(dataSource);
    const config = loadConfig({
      NODE_ENV: 'test',
      DATABASE_URL: database.url,
      QUEUE_BACKEND: 'postgres',
      QUEUE_PREFIX: testQueuePrefix(label),
      DATA_DIR: mkdtempSync(join(tmpdir(), `lz-${label}-`)),
      LOG_LEVEL: process.env['TEST_LOG_LEVEL'] ?? 'silent',
      LOG_FORMAT: 'json',
    });
    const app = await createApi(config);
    await app.listen(0, '127.0.0.1');
    const base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    return new ApiHarness(database, dataSource, config, app, base);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.dataSource.destroy();
    await this.database.drop();
    rmSync(this.config.dataDir, { recursive: true, force: true });
    await dropRedisPrefix(this.config.queue.prefix);
  }

  async request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { 'Accept-Language': options.language ?? 'zh-CN' };
    if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
    if (options.cookie) headers['Cookie'] = options.cookie;
    let body: string | undefined;
    if (options.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(`${this.base}${path}`, { method, headers, body });
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      // A stream never ends: its status and headers are the answer; read it with `fetch`.
      await response.body?.cancel();
      return { status: response.status, body: undefined as T, headers: response.headers };
    }
    if (response.headers.get('content-type')?.includes('spreadsheetml')) {
      // A download (.xlsx): the bytes are not JSON; read them with `fetch`.
      await response.arrayBuffer();
      return { status: response.status, body: undefined as T, headers: response.headers };
    }
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : undefined) as T,
      headers: response.headers,
    };
  }

  /** An organisation row, written directly (builders are not under test). */
  async organisation(
    overrides: { name?: string; kind?: string; regionCode?: string } = {},
  ): Promise<string> {
    const kind = overrides.kind ?? 'enterprise';
    const [row] = (await this.dataSource.query(
      `INSERT INTO organisation (name, kind, credit_code, region_code) VALUES ($1, $2, $3, $4) RETURNING id`,
      [
        overrides.name ?? `测试单位 ${randomUUID().slice(0, 8)}`,
        kind,
        kind === 'enterprise' ? randomCreditCode() : null,
        overrides.regionCode ?? '370100',
      ],
    )) as { id: string }[];
    return (row as { id: string }).id;
  }

  async user(
    role: Role,
    overrides: { organisationId?: string; regionCode?: string; username?: string } = {},
  ): Promise<{ id: string; username: string; organisationId: string }> {
    const organisationId =
      overrides.organisationId ??
      (await this.organisation({ kind: role === 'enterprise_user' ? 'enterprise' : 'government' }));
    const username = overrides.username ?? `${role.replace(/_/g, '.')}.${randomUUID().slice(0, 8)}`;
    const [row] = (await this.dataSource.query(
      `INSERT INTO app_user (username, display_name, role, organisation_id, region_code, password_hash)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        username,
        username,
        role,
        organisationId,
        role === 'city_coordinator' ? (overrides.regionCode ?? '370100') : null,
        await hash(),
      ],
    )) as { id: string }[];
    return { id: (row as { id: string }).id, username, organisationId };
  }

  /** A province chain, with optional leaders and members. */
  async chain(
    options: {
      leaders?: { userId: string; kind?: 'chief' | 'leader' | 'office' }[];
      members?: { organisationId: string; role?: string }[];
      regionCode?: string;
      level?: 'province' | 'city' | 'county';
    } = {},
  ): Promise<string> {
    const code = `test.${randomUUID().slice(0, 8)}`;
    const [row] = (await this.dataSource.query(
      `INSERT INTO chain (code, name_zh, name_en, industry_group, level, region_code)
       VALUES ($1, $2, $3, 'next_generation_it', $4, $5) RETURNING id`,
      [
        code,
        `测试产业链 ${code}`,
        `Test chain ${code}`,
        options.level ?? 'province',
        options.regionCode ?? '370000',
      ],
    )) as { id: string }[];
    const chainId = (row as { id: string }).id;
    for (const leader of options.leaders ?? []) {
      await this.dataSource.query(
        `INSERT INTO chain_leadership (chain_id, user_id, kind) VALUES ($1, $2, $3)`,
        [chainId, leader.userId, leader.kind ?? 'leader'],
      );
    }
    for (const member of options.members ?? []) {
      await this.dataSource.query(
        `INSERT INTO chain_member (chain_id, organisation_id, role) VALUES ($1, $2, $3)`,
        [chainId, member.organisationId, member.role ?? 'member'],
      );
    }
    return chainId;
  }

  async login(
    username: string,
    password = TEST_PASSWORD,
  ): Promise<{ token: string; cookie: string; response: ApiResponse<{ accessToken: string }> }> {
    const response = await this.request<{ accessToken: string }>('POST', '/api/auth/login', {
      body: { username, password },
    });
    const setCookie = response.headers.get('set-cookie') ?? '';
    return { token: response.body?.accessToken, cookie: setCookie.split(';')[0] ?? '', response };
  }

  /** A signed-in user of `role`, with a token. */
  async signedIn(role: Role, overrides: Parameters<ApiHarness['user']>[1] = {}) {
    const user = await this.user(role, overrides);
    const { token, cookie } = await this.login(user.username);
    return { ...user, token, cookie };
  }
}

let hashed: Promise<string> | undefined;
/** One argon2 hash of the test password, shared: hashing is deliberately slow. */
function hash(): Promise<string> {
  hashed ??= new PasswordHasher().hash(TEST_PASSWORD);
  return hashed;
}

/** A random valid credit code of a Jinan enterprise. */
export function randomCreditCode(): string {
  let first = '91370100';
  while (first.length < 17) first += CREDIT_CODE_ALPHABET.charAt(Math.floor(Math.random() * 31));
  return first + creditCodeCheckCharacter(first);
}
