import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  APP_CONFIG,
  AuditService,
  DomainError,
  fieldError,
  NotFoundError,
  ValidationFailedError,
  type AppConfig,
  type AuthenticatedUser,
} from '@lianzhang/server/core';
import { filetypeinfo } from 'magic-bytes.js';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { DataSource } from 'typeorm';
import type { AttachmentOwner } from './attachment.entity';
import { ReportsService } from './reports.service';
import { TasksService } from './tasks.service';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

/** What may be attached, by extension, with the MIME type served back. Checked against the content. */
const ALLOWED: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
  ppt: 'application/vnd.ms-powerpoint',
};

export interface AttachmentDto {
  readonly id: string;
  readonly fileName: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedByUserId: string;
  readonly createdAt: string;
}

export interface UploadedFile {
  readonly originalname: string;
  readonly buffer: Buffer;
  readonly size: number;
}

const REFUSED = {
  missing: { 'zh-CN': '请选择要上传的文件', en: 'Choose a file to upload' },
  type: {
    'zh-CN': '只能上传 PDF、图片（PNG/JPG/WEBP）或 Office 文档，且文件内容须与扩展名一致',
    en: 'Only PDF, images (PNG/JPG/WEBP) and Office documents whose content matches their extension',
  },
} as const;

/** The type the bytes are, if it is allowed and agrees with the file name; undefined otherwise. */
export function detectAllowedType(fileName: string, bytes: Buffer): string | undefined {
  const extension = extname(fileName).slice(1).toLowerCase();
  const mime = ALLOWED[extension];
  if (!mime) return undefined;
  const detected = filetypeinfo(new Uint8Array(bytes.subarray(0, 4096))).map(
    (t) => t.extension ?? t.typename,
  );
  const same = (a: string) =>
    a === extension || (['jpg', 'jpeg'].includes(a) && ['jpg', 'jpeg'].includes(extension));
  return detected.some((candidate) => candidate && same(candidate)) ? mime : undefined;
}

@Injectable()
export class AttachmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly tasks: TasksService,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  async upload(
    user: AuthenticatedUser,
    ownerType: AttachmentOwner,
    ownerId: string,
    file: UploadedFile | undefined,
  ): Promise<AttachmentDto> {
    await this.requireWriter(user, ownerType, ownerId);
    if (!file || file.size === 0)
      throw new ValidationFailedError([fieldError('file', REFUSED.missing)]);
    const mime = detectAllowedType(file.originalname, file.buffer);
    if (!mime) throw new ValidationFailedError([fieldError('file', REFUSED.type)]);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    await this.store(sha256, file.buffer);
    // Path separators and control characters have no place in a file name shown to people.
    const fileName = [...file.originalname]
      .map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 0x20 ? '_' : c))
      .join('')
      .slice(0, 200);
    return this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO attachment (owner_type, owner_id, file_name, mime, size, sha256, uploaded_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id, created_at`,
        [ownerType, ownerId, fileName, mime, file.size, sha256, user.id],
      )) as [{ id: string; created_at: Date }];
      await this.audit.record(
        {
          action: 'attachment.upload',
          subjectType: ownerType,
          subjectId: ownerId,
          after: { attachmentId: row.id, fileName, mime, size: file.size, sha256 },
        },
        manager,
      );
      return {
        id: row.id,
        fileName,
        mime,
        size: file.size,
        sha256,
        uploadedByUserId: user.id,
        createdAt: row.created_at.toISOString(),
      };
    });
  }

  async list(
    user: AuthenticatedUser,
    ownerType: AttachmentOwner,
    ownerId: string,
  ): Promise<AttachmentDto[]> {
    await this.requireReader(user, ownerType, ownerId);
    const rows = (await this.dataSource.query(
      `SELECT id, file_name AS "fileName", mime, size, sha256, uploaded_by_user_id AS "uploadedByUserId", created_at AS "createdAt"
       FROM attachment WHERE owner_type = $1 AND owner_id = $2 ORDER BY created_at, id`,
      [ownerType, ownerId],
    )) as (Omit<AttachmentDto, 'createdAt'> & { createdAt: Date })[];
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }

  /** The file of an attachment the user may see (whoever may see its task or report); 404 otherwise. */
  async open(
    user: AuthenticatedUser,
    attachmentId: string,
  ): Promise<{ path: string; fileName: string; mime: string; size: number }> {
    const [row] = (await this.dataSource.query(
      `SELECT owner_type, owner_id, file_name, mime, size, sha256 FROM attachment WHERE id = $1`,
      [attachmentId],
    )) as {
      owner_type: AttachmentOwner;
      owner_id: string;
      file_name: string;
      mime: string;
      size: number;
      sha256: string;
    }[];
    if (!row) throw new NotFoundError('attachment');
    await this.requireReader(user, row.owner_type, row.owner_id);
    const path = this.pathOf(row.sha256);
    if (!existsSync(path)) throw new NotFoundError('attachment');
    return { path, fileName: row.file_name, mime: row.mime, size: row.size };
  }

  private async requireReader(
    user: AuthenticatedUser,
    ownerType: AttachmentOwner,
    ownerId: string,
  ): Promise<void> {
    if (ownerType === 'task') await this.tasks.get(user, ownerId);
    else await this.reports.get(user, ownerId);
  }

  /** Parties to a task (not mere observers) attach to it; a report's author organisation to its report. */
  private async requireWriter(
    user: AuthenticatedUser,
    ownerType: AttachmentOwner,
    ownerId: string,
  ): Promise<void> {
    if (ownerType === 'task') {
      const task = await this.tasks.get(user, ownerId);
      if (task.party === 'observer') throw new DomainError('FORBIDDEN');
      return;
    }
    const report = await this.reports.get(user, ownerId);
    if (report.organisationId !== user.organisationId) throw new DomainError('FORBIDDEN');
  }

  private pathOf(sha256: string): string {
    return join(this.config.dataDir, 'attachments', sha256.slice(0, 2), sha256);
  }

  /** Content-addressed and written whole (temporary file, then rename): a crash leaves no half file. */
  private async store(sha256: string, bytes: Buffer): Promise<void> {
    const path = this.pathOf(sha256);
    if (existsSync(path)) return;
    await mkdir(join(this.config.dataDir, 'attachments', sha256.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${randomUUID()}.tmp`;
    await writeFile(temporary, bytes, { mode: 0o640 });
    await rename(temporary, path);
  }
}
