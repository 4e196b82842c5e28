import { UserEntity } from '@lianzhang/server/identity';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';

export const ATTACHMENT_OWNERS = ['task', 'report'] as const;
export type AttachmentOwner = (typeof ATTACHMENT_OWNERS)[number];

/**
 * A file on a task or a progress report. The bytes live under DATA_DIR/attachments,
 * named by their SHA-256; this row says who may see them (whoever may see the owner).
 */
@Entity({ name: 'attachment' })
@Index('ix_attachment_owner', ['ownerType', 'ownerId'])
@Check('ck_attachment_owner_type', `"owner_type" IN ('task', 'report')`)
@Check('ck_attachment_size', `"size" > 0`)
export class AttachmentEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_attachment' })
  id!: string;

  @Column({ type: 'text' })
  ownerType!: AttachmentOwner;

  @Column({ type: 'uuid' })
  ownerId!: string;

  @Column({ type: 'text' })
  fileName!: string;

  /** The type read from the content, not the one the browser claimed. */
  @Column({ type: 'text' })
  mime!: string;

  @Column({ type: 'integer' })
  size!: number;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ type: 'uuid' })
  uploadedByUserId!: string;

  @ManyToOne(() => UserEntity, { onDelete: 'NO ACTION' })
  @JoinColumn({
    name: 'uploaded_by_user_id',
    foreignKeyConstraintName: 'fk_attachment_uploaded_by_user',
  })
  uploadedByUser?: UserEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
