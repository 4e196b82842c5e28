import {
  DELIVERY_CHANNELS,
  ESCALATION_ANCHORS,
  ESCALATION_AUDIENCES,
  ESCALATION_LEVELS,
  type EscalationPolicy,
} from '@lianzhang/domain';
import { z } from 'zod';
import { listQuerySchema, requiredText } from './lists';

type Text = { readonly 'zh-CN': string; readonly en: string };

/** One line of the in-app inbox. */
export interface NotificationDto {
  readonly id: string;
  readonly kind: string;
  readonly level: 'reminder' | 'yellow' | 'red';
  readonly title: Text;
  readonly body: Text;
  /** App route it opens, e.g. `/tasks/<id>`. */
  readonly link: string | null;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly readAt: string | null;
  readonly createdAt: string;
}

export const notificationListQuerySchema = listQuerySchema(['-createdAt', 'createdAt'], {
  unread: z.enum(['true', 'false']).optional(),
});
export type NotificationListQuery = z.output<typeof notificationListQuerySchema>;

/** Mark some notifications read, or all of them. */
export const markNotificationsReadSchema = z.union([
  z.object({ ids: z.array(z.uuid()).min(1).max(500) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);
export type MarkNotificationsReadRequest = z.output<typeof markNotificationsReadSchema>;

export interface NotificationPreferencesDto {
  readonly email: string | null;
  readonly channels: readonly 'email'[];
  readonly dailyDigest: boolean;
  readonly version: number;
}

export const notificationPreferencesSchema = z
  .object({
    email: z.email({ error: 'email.invalid' }).max(254).nullable(),
    channels: z.array(z.literal('email')).max(1),
    dailyDigest: z.boolean(),
  })
  .strict();
export type NotificationPreferencesRequest = z.output<typeof notificationPreferencesSchema>;

const ENDPOINT_KINDS = ['wecom', 'dingtalk', 'feishu', 'webhook'] as const;

export interface DeliveryEndpointDto {
  readonly id: string;
  readonly chainId: string | null;
  readonly kind: (typeof ENDPOINT_KINDS)[number];
  readonly name: string;
  /** Shown without its query string: robot URLs carry their access token there. */
  readonly url: string;
  readonly hasSecret: boolean;
  readonly minLevel: 'reminder' | 'yellow' | 'red';
  readonly enabled: boolean;
  readonly version: number;
}

export const createDeliveryEndpointSchema = z
  .object({
    chainId: z.uuid().nullable(),
    kind: z.enum(ENDPOINT_KINDS),
    name: requiredText(100),
    url: z.url({ error: 'url.invalid' }).max(2000),
    secret: z.string().min(1).max(500).nullable().optional(),
    minLevel: z.enum(ESCALATION_LEVELS).default('reminder'),
    enabled: z.boolean().default(true),
  })
  .strict();
export type CreateDeliveryEndpointRequest = z.output<typeof createDeliveryEndpointSchema>;

export const updateDeliveryEndpointSchema = createDeliveryEndpointSchema
  .omit({ chainId: true, kind: true })
  .partial()
  .extend({ version: z.number().int().min(1) })
  .strict();
export type UpdateDeliveryEndpointRequest = z.output<typeof updateDeliveryEndpointSchema>;

export interface OutboundAllowHostDto {
  readonly host: string;
  readonly note: string;
  readonly createdAt: string;
}

export const outboundAllowHostSchema = z
  .object({
    host: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9.:-]{1,253}$/, 'host.invalid'),
    note: z.string().trim().max(200).default(''),
  })
  .strict();
export type OutboundAllowHostRequest = z.output<typeof outboundAllowHostSchema>;

export const DELIVERY_STATUSES = ['pending', 'sending', 'delivered', 'dead'] as const;

export interface DeliveryDto {
  readonly id: string;
  readonly channel: string;
  readonly target: string;
  readonly status: (typeof DELIVERY_STATUSES)[number];
  readonly attempts: number;
  readonly lastError: string | null;
  readonly title: string;
  readonly createdAt: string;
  readonly deliveredAt: string | null;
  readonly log: readonly {
    readonly attempt: number;
    readonly at: string;
    readonly ok: boolean;
    readonly statusCode: number | null;
    readonly error: string | null;
    readonly durationMs: number;
  }[];
}

export const deliveryListQuerySchema = listQuerySchema(['-createdAt', 'createdAt'], {
  status: z.enum(DELIVERY_STATUSES).optional(),
  channel: z.enum(['email', ...ENDPOINT_KINDS]).optional(),
});
export type DeliveryListQuery = z.output<typeof deliveryListQuerySchema>;

const stepSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9-]{1,40}$/, 'key.invalid'),
    anchor: z.enum(ESCALATION_ANCHORS),
    offsetWorkdays: z.number().int().min(-30).max(60),
    audience: z.array(z.enum(ESCALATION_AUDIENCES)).min(1).max(ESCALATION_AUDIENCES.length),
    level: z.enum(ESCALATION_LEVELS),
    channels: z.array(z.enum(DELIVERY_CHANNELS)).max(DELIVERY_CHANNELS.length),
  })
  .strict();

export const escalationPolicySchema = z
  .object({
    requestResponseWorkdays: z.number().int().min(1).max(60),
    steps: z.array(stepSchema).min(1).max(30),
  })
  .strict();

export const putEscalationPolicySchema = z
  .object({ policy: escalationPolicySchema, version: z.number().int().min(0) })
  .strict();
export type PutEscalationPolicyRequest = z.output<typeof putEscalationPolicySchema>;

/** The policy in force and where it comes from; `version` 0 when nothing is stored. */
export interface EscalationPolicyDto {
  readonly source: 'chain' | 'province' | 'built_in';
  readonly policy: EscalationPolicy;
  readonly version: number;
}
