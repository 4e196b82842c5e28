import { LANGUAGES, type Language } from './i18n';
import {
  ORGANISATION_KINDS,
  passwordMeetsPolicy,
  ROLES,
  validateCreditCode,
  type LeadershipKind,
  type OrganisationKind,
  type Permission,
  type Role,
} from '@lianzhang/domain';
import { z } from 'zod';
import { listQuerySchema, requiredText } from './lists';

const regionCode = z.string().regex(/^\d{6}$/, 'region.code');

export const loginRequestSchema = z
  .object({
    username: z.string().trim().min(1, 'text.blank').max(64),
    password: z.string().min(1, 'text.blank').max(256),
  })
  .strict();
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export interface SessionUserDto {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organisation: {
    readonly id: string;
    readonly name: string;
    readonly kind: OrganisationKind;
  };
  readonly regionCode: string | null;
  readonly permissions: readonly Permission[];
  /** Chains the user leads or staffs, with how. */
  readonly chains: readonly { readonly id: string; readonly kind: LeadershipKind }[];
  /** The interface language the user chose last, on any device. */
  readonly language: Language;
}

export const setLanguageSchema = z.object({ language: z.enum(LANGUAGES) }).strict();
export type SetLanguageRequest = z.output<typeof setLanguageSchema>;

export interface LoginResponse {
  readonly accessToken: string;
  /** Seconds until the access token expires; refresh with the httpOnly cookie before then. */
  readonly expiresIn: number;
  readonly user: SessionUserDto;
}

/** A credit code is checked with its GB 32100-2015 check character; the message names the problem. */
export const creditCodeSchema = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const result = validateCreditCode(value);
    if (!result.valid) ctx.addIssue({ code: 'custom', message: `creditCode.${result.problem}` });
  })
  .transform((value) => value.toUpperCase());

export const createOrganisationSchema = z
  .object({
    name: requiredText(200),
    kind: z.enum(ORGANISATION_KINDS),
    creditCode: creditCodeSchema.optional(),
    regionCode,
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.kind === 'enterprise' && !value.creditCode) {
      ctx.addIssue({ code: 'custom', path: ['creditCode'], message: 'creditCode.required' });
    }
  });
export type CreateOrganisationRequest = z.infer<typeof createOrganisationSchema>;

export const updateOrganisationSchema = z
  .object({
    version: z.number().int().min(1),
    name: requiredText(200).optional(),
    creditCode: creditCodeSchema.optional(),
    regionCode: regionCode.optional(),
  })
  .strict();
export type UpdateOrganisationRequest = z.infer<typeof updateOrganisationSchema>;

export const organisationListQuerySchema = listQuerySchema(['name', 'createdAt'], {
  kind: z.enum(ORGANISATION_KINDS).optional(),
  regionCode: regionCode.optional(),
  q: z.string().trim().max(100).optional(),
});

export interface OrganisationDto {
  readonly id: string;
  readonly name: string;
  readonly kind: OrganisationKind;
  readonly creditCode: string | null;
  readonly regionCode: string;
  readonly version: number;
  readonly createdAt: string;
}

export const createUserSchema = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z][a-z0-9._-]{2,63}$/, 'username.format'),
    displayName: requiredText(100),
    role: z.enum(ROLES),
    organisationId: z.uuid(),
    regionCode: regionCode.nullable().optional(),
    password: z.string().max(256).refine(passwordMeetsPolicy, 'password.policy'),
  })
  .strict();
export type CreateUserRequest = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    version: z.number().int().min(1),
    displayName: requiredText(100).optional(),
    role: z.enum(ROLES).optional(),
    organisationId: z.uuid().optional(),
    regionCode: regionCode.nullable().optional(),
    /** Deactivating ends every session of the user at once. */
    active: z.boolean().optional(),
  })
  .strict();
export type UpdateUserRequest = z.infer<typeof updateUserSchema>;

export const resetPasswordSchema = z
  .object({ password: z.string().max(256).refine(passwordMeetsPolicy, 'password.policy') })
  .strict();

export const changeOwnPasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'text.blank').max(256),
    newPassword: z.string().max(256).refine(passwordMeetsPolicy, 'password.policy'),
  })
  .strict();
export type ChangeOwnPasswordRequest = z.infer<typeof changeOwnPasswordSchema>;

export const userListQuerySchema = listQuerySchema(['username', 'displayName'], {
  role: z.enum(ROLES).optional(),
  active: z.enum(['true', 'false']).optional(),
  organisationId: z.uuid().optional(),
  /** User name, name or organisation, contains. */
  q: z.string().trim().max(100).optional(),
});
export type UserListQuery = z.output<typeof userListQuerySchema>;

export interface UserDto {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly regionCode: string | null;
  readonly active: boolean;
  readonly version: number;
}
