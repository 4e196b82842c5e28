import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/**
 * One sign-in: the family of its rotating refresh tokens. Revoking it ends every token
 * of the family at once, the access tokens included (the guard checks the session).
 */
@Entity({ name: 'auth_session' })
@Index('ix_auth_session_user_id', ['userId'])
export class SessionEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_auth_session' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_auth_session_user' })
  user?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  /** Last request or refresh; 30 minutes without one ends the session. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  lastSeenAt!: Date;

  /** 12 hours after sign-in, whatever happens. */
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** logout, refresh_token_reuse, idle, … */
  @Column({ type: 'text', nullable: true })
  revokeReason!: string | null;

  @Column({ type: 'text', nullable: true })
  clientAddress!: string | null;

  @Column({ type: 'text', nullable: true })
  userAgent!: string | null;
}

/** A refresh token, stored as its HMAC only; used once, then replaced. */
@Entity({ name: 'refresh_token' })
@Index('ix_refresh_token_session_id', ['sessionId'])
export class RefreshTokenEntity {
  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_refresh_token' })
  tokenHash!: string;

  @Column({ type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => SessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id', foreignKeyConstraintName: 'fk_refresh_token_session' })
  session?: SessionEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  issuedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}

/**
 * Failed sign-ins per user name, whether or not the user exists, so the lockout tells
 * an attacker nothing about which names are real.
 */
@Entity({ name: 'login_throttle' })
export class LoginThrottleEntity {
  @Column({ type: 'text', primary: true, primaryKeyConstraintName: 'pk_login_throttle' })
  username!: string;

  @Column({ type: 'integer', default: 0 })
  failedCount!: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil!: Date | null;
}
