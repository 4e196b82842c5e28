import { ChainEntity } from '@lianzhang/server/chains';
import { UserEntity } from '@lianzhang/server/identity';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

/** A bilingual text as stored: `{ "zh-CN": …, "en": … }`. */
export type StoredText = { readonly 'zh-CN': string; readonly en: string };

/**
 * One line of a user's in-app inbox. Written in the transaction that fires its event,
 * so an event that fired has its notifications and one that did not has none; at most
 * one per event and user.
 */
@Entity({ name: 'notification' })
@Index('ix_notification_user_id_created_at', ['userId', 'createdAt'])
@Index('ix_notification_user_id_unread', ['userId'], { where: `"read_at" IS NULL` })
@Index('ux_notification_event_id_user_id', ['eventId', 'userId'], { unique: true })
@Check('ck_notification_level', `"level" IN ('reminder', 'yellow', 'red')`)
export class NotificationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_notification' })
  id!: string;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_user' })
  user?: UserEntity;

  /** The scheduled event that caused it; null for notifications of a direct action. */
  @Column({ type: 'uuid', nullable: true })
  eventId!: string | null;

  /** `task.step`, `request.step`, …: what the web app links and groups by. */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ type: 'text' })
  level!: 'reminder' | 'yellow' | 'red';

  @Column({ type: 'jsonb' })
  title!: StoredText;

  @Column({ type: 'jsonb' })
  body!: StoredText;

  /** The app route it opens, e.g. `/tasks/<id>`. */
  @Column({ type: 'text', nullable: true })
  link!: string | null;

  @Column({ type: 'text', nullable: true })
  subjectType!: string | null;

  @Column({ type: 'uuid', nullable: true })
  subjectId!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  readAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** How a user wants to hear about things beyond the inbox. */
@Entity({ name: 'notification_preference' })
@Check('ck_notification_preference_channels', `"channels" <@ ARRAY['email']::text[]`)
export class NotificationPreferenceEntity {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_notification_preference' })
  userId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_notification_preference_user' })
  user?: UserEntity;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  /** Personal channels (today e-mail); the inbox is always on. */
  @Column({ type: 'text', array: true, default: () => `'{email}'` })
  channels!: string[];

  /** One e-mail a workday morning instead of one per notification. */
  @Column({ type: 'boolean', default: false })
  dailyDigest!: boolean;

  @VersionColumn({ default: 1 })
  version!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export const ENDPOINT_KINDS = ['wecom', 'dingtalk', 'feishu', 'webhook'] as const;
export type EndpointKind = (typeof ENDPOINT_KINDS)[number];

/**
 * A group robot (企业微信, 钉钉, 飞书) or signed webhook that hears a chain's steps (or,
 * without a chain, the whole province's) from `minLevel` up.
 */
@Entity({ name: 'delivery_endpoint' })
@Index('ix_delivery_endpoint_chain_id', ['chainId'])
@Check('ck_delivery_endpoint_kind', `"kind" IN ('wecom', 'dingtalk', 'feishu', 'webhook')`)
@Check('ck_delivery_endpoint_min_level', `"min_level" IN ('reminder', 'yellow', 'red')`)
export class DeliveryEndpointEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_delivery_endpoint' })
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  chainId!: string | null;

  @ManyToOne(() => ChainEntity, { onDelete: 'CASCADE', nullable: true })
  @JoinColumn({ name: 'chain_id', foreignKeyConstraintName: 'fk_delivery_endpoint_chain' })
  chain?: ChainEntity | null;

  @Column({ type: 'text' })
  kind!: EndpointKind;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  url!: string;

  /** Signing secret (钉钉 加签, 飞书 签名校验, webhook HMAC); never returned by the api. */
  @Column({ type: 'text', nullable: true })
  secret!: string | null;

  @Column({ type: 'text', default: 'reminder' })
  minLevel!: 'reminder' | 'yellow' | 'red';

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @VersionColumn({ default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'dead'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * One message to one external target, sent from the delivery queue with retries and
 * backoff; `dead` after the last attempt (or a refusal), retried by an admin from there.
 */
@Entity({ name: 'delivery' })
@Index('ix_delivery_status_next_attempt_at', ['status', 'nextAttemptAt'])
@Index('ux_delivery_dedupe_key', ['dedupeKey'], { unique: true })
@Check('ck_delivery_status', `"status" IN ('pending', 'sending', 'delivered', 'dead')`)
@Check('ck_delivery_channel', `"channel" IN ('email', 'wecom', 'dingtalk', 'feishu', 'webhook')`)
export class DeliveryEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_delivery' })
  id!: string;

  /** `<event>:<channel>:<target>`: a step reaches a target once, however often it is written. */
  @Column({ type: 'text' })
  dedupeKey!: string;

  @Column({ type: 'uuid', nullable: true })
  eventId!: string | null;

  @Column({ type: 'text' })
  channel!: 'email' | EndpointKind;

  @Column({ type: 'uuid', nullable: true })
  endpointId!: string | null;

  @ManyToOne(() => DeliveryEndpointEntity, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'endpoint_id', foreignKeyConstraintName: 'fk_delivery_endpoint' })
  endpoint?: DeliveryEndpointEntity | null;

  /** E-mail address, or the endpoint's name, for people reading the list. */
  @Column({ type: 'text' })
  target!: string;

  /** The message as sent: title, text, link, level, event, data. */
  @Column({ type: 'jsonb' })
  message!: Record<string, unknown>;

  @Column({ type: 'text', default: 'pending' })
  status!: DeliveryStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  nextAttemptAt!: Date;

  /** While `sending`: until when the sender holds it (a crashed sender's lease runs out). */
  @Column({ type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

/** Every attempt of a delivery, kept for the admin: when, how long, what came back. */
@Entity({ name: 'delivery_attempt' })
@Index('ix_delivery_attempt_delivery_id', ['deliveryId'])
export class DeliveryAttemptEntity {
  @PrimaryGeneratedColumn('identity', {
    type: 'bigint',
    primaryKeyConstraintName: 'pk_delivery_attempt',
  })
  id!: string;

  @Column({ type: 'uuid' })
  deliveryId!: string;

  @ManyToOne(() => DeliveryEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'fk_delivery_attempt_delivery' })
  delivery?: DeliveryEntity;

  @Column({ type: 'integer' })
  attempt!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'boolean' })
  ok!: boolean;

  @Column({ type: 'integer', nullable: true })
  statusCode!: number | null;

  @Column({ type: 'text', nullable: true })
  error!: string | null;

  @Column({ type: 'integer' })
  durationMs!: number;
}

/** Hosts an admin allowed for outgoing calls despite the SSRF guard (an intranet robot gateway). */
@Entity({ name: 'outbound_allow_host' })
export class OutboundAllowHostEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_outbound_allow_host' })
  host!: string;

  @Column({ type: 'text', default: '' })
  note!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

export const NOTIFICATION_ENTITIES = [
  NotificationEntity,
  NotificationPreferenceEntity,
  DeliveryEndpointEntity,
  DeliveryEntity,
  DeliveryAttemptEntity,
  OutboundAllowHostEntity,
];
