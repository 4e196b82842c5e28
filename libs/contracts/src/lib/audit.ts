import { z } from 'zod';
import { listQuerySchema } from './lists';

export const auditListQuerySchema = listQuerySchema(['occurredAt'], {
  actorId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  subjectType: z.string().max(100).optional(),
  subjectId: z.string().max(100).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
});
export type AuditListQuery = z.output<typeof auditListQuerySchema>;

export interface AuditEntryDto {
  readonly id: string;
  readonly occurredAt: string;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  /** The actor's display name now, for people reading the log; the id is what is chained. */
  readonly actorName: string | null;
  readonly action: string;
  readonly subjectType: string | null;
  readonly subjectId: string | null;
  readonly before: unknown;
  readonly after: unknown;
  readonly clientAddress: string | null;
  readonly requestId: string | null;
}
