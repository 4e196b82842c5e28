import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateReportRequest,
  Page,
  ProgressReportDto,
  ReviewReportRequest,
  TaskCommentDto,
  TaskDetailDto,
  TaskDto,
  TaskListQuery,
  TaskTransitionRequest,
} from '@lianzhang/contracts';
import { firstValueFrom } from 'rxjs';

/**
 * An attachment as the api answers it (`AttachmentDto` of libs/server/tasks, which the
 * contracts do not export yet).
 */
export interface AttachmentDto {
  readonly id: string;
  readonly fileName: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  readonly uploadedByUserId: string;
  readonly createdAt: string;
}

/** What a progress report is about; each has its own POST route. */
export type ReportSubject =
  | { readonly type: 'task'; readonly id: string }
  | { readonly type: 'short_board'; readonly id: string }
  | { readonly type: 'project'; readonly id: string };

const REPORT_ROUTES: Readonly<Record<ReportSubject['type'], string>> = {
  task: 'tasks',
  short_board: 'short-boards',
  project: 'projects',
};

/** The api allows 10 MB per file (multer answers 413 beyond it); checked here too, to spare the upload. */
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
/** What the api accepts (it checks the content, not only the name). */
export const ATTACHMENT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.webp,.docx,.xlsx,.pptx,.doc,.xls,.ppt';

/** Typed access to tasks, their reports and attachments. */
@Injectable({ providedIn: 'root' })
export class TaskClient {
  private readonly http = inject(HttpClient);

  list(query: Partial<TaskListQuery>): Promise<Page<TaskDto>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query))
      if (value !== undefined) params = params.set(key, String(value));
    return firstValueFrom(this.http.get<Page<TaskDto>>('/api/tasks', { params }));
  }

  detail(id: string): Promise<TaskDetailDto> {
    return firstValueFrom(this.http.get<TaskDetailDto>(`/api/tasks/${id}`));
  }

  transition(id: string, request: TaskTransitionRequest): Promise<TaskDto> {
    return firstValueFrom(this.http.post<TaskDto>(`/api/tasks/${id}/transitions`, request));
  }

  comment(id: string, body: string): Promise<TaskCommentDto> {
    return firstValueFrom(this.http.post<TaskCommentDto>(`/api/tasks/${id}/comments`, { body }));
  }

  attachments(owner: 'tasks' | 'reports', id: string): Promise<AttachmentDto[]> {
    return firstValueFrom(this.http.get<AttachmentDto[]>(`/api/${owner}/${id}/attachments`));
  }

  /** Multipart, one file in the field `file`. */
  upload(owner: 'tasks' | 'reports', id: string, file: File): Promise<AttachmentDto> {
    const form = new FormData();
    form.append('file', file, file.name);
    return firstValueFrom(this.http.post<AttachmentDto>(`/api/${owner}/${id}/attachments`, form));
  }

  /** The file itself: the download needs the bearer token, so it comes through HttpClient. */
  download(attachmentId: string): Promise<Blob> {
    return firstValueFrom(
      this.http.get(`/api/attachments/${attachmentId}`, { responseType: 'blob' }),
    );
  }

  reports(subject: ReportSubject): Promise<Page<ProgressReportDto>> {
    const params = new HttpParams()
      .set('subjectType', subject.type)
      .set('subjectId', subject.id)
      .set('sort', '-createdAt')
      .set('pageSize', 100);
    return firstValueFrom(this.http.get<Page<ProgressReportDto>>('/api/reports', { params }));
  }

  createReport(subject: ReportSubject, request: CreateReportRequest): Promise<ProgressReportDto> {
    return firstValueFrom(
      this.http.post<ProgressReportDto>(
        `/api/${REPORT_ROUTES[subject.type]}/${subject.id}/reports`,
        request,
      ),
    );
  }

  review(reportId: string, request: ReviewReportRequest): Promise<ProgressReportDto> {
    return firstValueFrom(
      this.http.post<ProgressReportDto>(`/api/reports/${reportId}/review`, request),
    );
  }
}

/** Hands a downloaded file to the browser under its own name. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** 1.2 MB, 340 KB. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
