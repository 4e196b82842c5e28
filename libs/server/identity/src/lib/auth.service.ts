import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import type { SessionUserDto } from '@lianzhang/contracts';
import { ROLE_PERMISSIONS, type Role } from '@lianzhang/domain';
import {
  APP_CONFIG,
  AuditService,
  DomainError,
  type AppConfig,
  type AuthenticatedUser,
} from '@lianzhang/server/core';
import { createHmac, randomBytes } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { PasswordHasher } from './password-hasher';
import { RefreshTokenEntity } from './session.entity';
import { UserEntity } from './user.entity';

export const SESSION_LIMITS = {
  accessTokenSeconds: 15 * 60,
  idleSeconds: 30 * 60,
  absoluteSeconds: 12 * 60 * 60,
  maxFailedLogins: 5,
  lockSeconds: 15 * 60,
  /** How stale `last_seen_at` may get before a request writes it again. */
  touchSeconds: 60,
} as const;

interface AccessClaims {
  readonly sub: string;
  readonly sid: string;
}

export interface IssuedTokens {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly expiresIn: number;
  readonly sessionExpiresAt: Date;
  readonly user: SessionUserDto;
}

export interface ClientInfo {
  readonly address: string | null;
  readonly userAgent: string | null;
}

const unauthenticated = () => new DomainError('UNAUTHENTICATED');

/**
 * Sign-in, token rotation, sign-out and the check behind every authenticated request.
 * All clock comparisons use the database's `now()`, the one clock of the platform.
 */
@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly passwords: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /**
   * Same answer (INVALID_CREDENTIALS) and the same argon2 work whether the user is
   * unknown, inactive, locked or mistyped their password. Five failures in a row lock
   * the name for 15 minutes. The throttle row is locked for the attempt, so parallel
   * guesses cannot slip past the count.
   */
  async login(usernameInput: string, password: string, client: ClientInfo): Promise<IssuedTokens> {
    const username = usernameInput.trim().toLowerCase();
    const outcome = await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO login_throttle (username) VALUES ($1) ON CONFLICT (username) DO NOTHING`,
        [username],
      );
      const [throttle] = (await manager.query(
        `SELECT failed_count, locked_until > now() AS locked FROM login_throttle WHERE username = $1 FOR UPDATE`,
        [username],
      )) as { failed_count: number; locked: boolean | null }[];
      const user = await manager
        .getRepository(UserEntity)
        .createQueryBuilder('u')
        .addSelect('u.passwordHash')
        .where('u.username = :username', { username })
        .getOne();
      const passwordOk = await this.passwords.verify(user?.passwordHash, password);
      if (throttle?.locked) {
        await this.audit.record(
          { action: 'auth.login_refused_locked', subjectType: 'username', subjectId: username },
          manager,
        );
        return { ok: false as const };
      }
      if (!user || !user.active || !passwordOk) {
        const failed = (throttle?.failed_count ?? 0) + 1;
        await this.audit.record(
          {
            action: 'auth.login_failed',
            subjectType: 'username',
            subjectId: username,
            after: { locked: failed >= SESSION_LIMITS.maxFailedLogins },
          },
          manager,
        );
        await manager.query(
          failed >= SESSION_LIMITS.maxFailedLogins
            ? `UPDATE login_throttle SET failed_count = 0, locked_until = now() + make_interval(secs => $2) WHERE username = $1`
            : `UPDATE login_throttle SET failed_count = $2 WHERE username = $1`,
          failed >= SESSION_LIMITS.maxFailedLogins
            ? [username, SESSION_LIMITS.lockSeconds]
            : [username, failed],
        );
        return { ok: false as const };
      }
      await manager.query(
        `UPDATE login_throttle SET failed_count = 0, locked_until = NULL WHERE username = $1`,
        [username],
      );
      const [session] = (await manager.query(
        `INSERT INTO auth_session (user_id, expires_at, client_address, user_agent)
         VALUES ($1, now() + make_interval(secs => $2), $3, $4) RETURNING id, expires_at`,
        [
          user.id,
          SESSION_LIMITS.absoluteSeconds,
          client.address,
          client.userAgent?.slice(0, 500) ?? null,
        ],
      )) as { id: string; expires_at: Date }[];
      const issued = await this.issue(manager, user, session as { id: string; expires_at: Date });
      await this.audit.record(
        {
          actorId: user.id,
          actorRole: user.role,
          action: 'auth.login',
          subjectType: 'session',
          subjectId: session?.id ?? null,
        },
        manager,
      );
      return { ok: true as const, issued };
    });
    if (!outcome.ok) throw new DomainError('INVALID_CREDENTIALS');
    return outcome.issued;
  }

  /**
   * Rotates a refresh token: the presented one is spent and a new one issued. A spent
   * token presented again means it was stolen or replayed: the whole session (every
   * token of its family) is revoked.
   */
  async refresh(refreshToken: string | undefined): Promise<IssuedTokens> {
    if (!refreshToken) throw unauthenticated();
    const tokenHash = this.hashRefreshToken(refreshToken);
    const result = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `SELECT t.session_id, t.used_at, s.user_id, s.expires_at,
                (s.revoked_at IS NULL AND s.expires_at > now()
                  AND s.last_seen_at > now() - make_interval(secs => $2)) AS live
         FROM refresh_token t JOIN auth_session s ON s.id = t.session_id
         WHERE t.token_hash = $1 FOR UPDATE OF t, s`,
        [tokenHash, SESSION_LIMITS.idleSeconds],
      )) as {
        session_id: string;
        used_at: Date | null;
        user_id: string;
        expires_at: Date;
        live: boolean;
      }[];
      if (!row) return undefined;
      if (row.used_at) {
        await this.audit.record(
          {
            actorId: row.user_id,
            action: 'auth.refresh_token_reuse',
            subjectType: 'session',
            subjectId: row.session_id,
          },
          manager,
        );
        await manager.query(
          `UPDATE auth_session SET revoked_at = now(), revoke_reason = 'refresh_token_reuse' WHERE id = $1 AND revoked_at IS NULL`,
          [row.session_id],
        );
        return undefined;
      }
      if (!row.live) return undefined;
      const user = await manager
        .getRepository(UserEntity)
        .findOneBy({ id: row.user_id, active: true });
      if (!user) return undefined;
      await manager.query(`UPDATE refresh_token SET used_at = now() WHERE token_hash = $1`, [
        tokenHash,
      ]);
      await manager.query(`UPDATE auth_session SET last_seen_at = now() WHERE id = $1`, [
        row.session_id,
      ]);
      return this.issue(manager, user, { id: row.session_id, expires_at: row.expires_at });
    });
    if (!result) throw unauthenticated();
    return result;
  }

  /** Ends a session now: its refresh tokens and its access tokens stop working at once. */
  async logout(sessionId: string, reason = 'logout'): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `UPDATE auth_session SET revoked_at = now(), revoke_reason = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING user_id`,
        [sessionId, reason],
      )) as [{ user_id: string }[], number];
      const userId = rows[0]?.user_id;
      if (userId) {
        await this.audit.record(
          { actorId: userId, action: 'auth.logout', subjectType: 'session', subjectId: sessionId },
          manager,
        );
      }
    });
  }

  /** The session of a refresh token, to sign out with the cookie alone. */
  async sessionOfRefreshToken(refreshToken: string): Promise<string | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT session_id FROM refresh_token WHERE token_hash = $1`,
      [this.hashRefreshToken(refreshToken)],
    )) as { session_id: string }[];
    return row?.session_id;
  }

  /**
   * The user of an access token, if its session is alive: not revoked, within 12 hours
   * of sign-in and within 30 minutes of its last use. Refreshes `last_seen_at`.
   */
  async authenticate(accessToken: string): Promise<AuthenticatedUser> {
    let claims: AccessClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessClaims>(accessToken, { algorithms: ['HS256'] });
    } catch {
      throw unauthenticated();
    }
    const [row] = (await this.dataSource.query(
      `SELECT u.id, u.username, u.display_name, u.role, u.organisation_id, u.region_code,
              s.last_seen_at < now() - make_interval(secs => $3) AS stale
       FROM auth_session s JOIN app_user u ON u.id = s.user_id
       WHERE s.id = $1 AND s.user_id = $2 AND u.active
         AND s.revoked_at IS NULL AND s.expires_at > now()
         AND s.last_seen_at > now() - make_interval(secs => $4)`,
      [claims.sid, claims.sub, SESSION_LIMITS.touchSeconds, SESSION_LIMITS.idleSeconds],
    )) as {
      id: string;
      username: string;
      display_name: string;
      role: Role;
      organisation_id: string;
      region_code: string | null;
      stale: boolean;
    }[];
    if (!row) throw unauthenticated();
    if (row.stale) {
      await this.dataSource.query(`UPDATE auth_session SET last_seen_at = now() WHERE id = $1`, [
        claims.sid,
      ]);
    }
    return {
      id: row.id,
      sessionId: claims.sid,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      organisationId: row.organisation_id,
      regionCode: row.region_code,
    };
  }

  async sessionUser(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SessionUserDto> {
    const [row] = (await manager.query(
      `SELECT u.id, u.username, u.display_name, u.role, u.region_code, u.language,
              o.id AS organisation_id, o.name AS organisation_name, o.kind AS organisation_kind
       FROM app_user u JOIN organisation o ON o.id = u.organisation_id WHERE u.id = $1`,
      [userId],
    )) as {
      id: string;
      username: string;
      display_name: string;
      role: Role;
      region_code: string | null;
      language: SessionUserDto['language'];
      organisation_id: string;
      organisation_name: string;
      organisation_kind: SessionUserDto['organisation']['kind'];
    }[];
    if (!row) throw unauthenticated();
    const chains = (await manager.query(
      `SELECT chain_id AS id, kind FROM chain_leadership WHERE user_id = $1 ORDER BY chain_id`,
      [userId],
    )) as {
      id: string;
      kind: SessionUserDto['chains'][number]['kind'];
    }[];
    return {
      id: row.id,
      username: row.username,
      displayName: row.display_name,
      role: row.role,
      organisation: {
        id: row.organisation_id,
        name: row.organisation_name,
        kind: row.organisation_kind,
      },
      regionCode: row.region_code,
      permissions: ROLE_PERMISSIONS[row.role],
      chains,
      language: row.language,
    };
  }

  private async issue(
    manager: EntityManager,
    user: UserEntity,
    session: { id: string; expires_at: Date },
  ): Promise<IssuedTokens> {
    const refreshToken = randomBytes(32).toString('base64url');
    await manager
      .getRepository(RefreshTokenEntity)
      .insert({ tokenHash: this.hashRefreshToken(refreshToken), sessionId: session.id });
    const accessToken = await this.jwt.signAsync(
      { sub: user.id, sid: session.id } satisfies AccessClaims,
      { expiresIn: SESSION_LIMITS.accessTokenSeconds, algorithm: 'HS256' },
    );
    return {
      accessToken,
      refreshToken,
      expiresIn: SESSION_LIMITS.accessTokenSeconds,
      sessionExpiresAt: new Date(session.expires_at),
      user: await this.sessionUser(user.id, manager),
    };
  }

  /** Refresh tokens are stored as an HMAC keyed by the refresh secret: a leaked table forges nothing. */
  private hashRefreshToken(token: string): string {
    return createHmac('sha256', this.config.tokens.refreshSecret).update(token).digest('base64url');
  }
}
