import { WarningFill } from '@ant-design/icons-angular/icons';
import { DatePipe } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { provideTranslocoScope, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { apiError } from '../forms/field-errors';
import { uploadRefusal } from './upload-refusal';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MAX_BYTES,
  fileSize,
  saveBlob,
  TaskClient,
  type AttachmentDto,
} from './task.client';

/** The files of a task: every party may add one (PDF, image, Office; 10 MB), anyone who sees the task may download. */
@Component({
  selector: 'lz-task-attachments',
  imports: [DatePipe, NzAlertModule, NzButtonModule, NzResultModule, NzSpinModule, TranslocoPipe],
  providers: [provideTranslocoScope('task'), provideNzIconsPatch([WarningFill])],
  template: `
    <div data-testid="task-attachments">
      @if (failed()) {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button (click)="load()">{{ 'state.retry' | transloco }}</button>
          </div>
        </nz-result>
      } @else if (loading() && files().length === 0) {
        <nz-spin nzSimple />
      } @else if (files().length === 0) {
        <p class="muted">{{ 'task.attachments.empty' | transloco }}</p>
      } @else {
        <ul class="files">
          @for (file of files(); track file.id) {
            <li data-testid="task-attachment-row">
              <button nz-button nzType="link" (click)="download(file)">{{ file.fileName }}</button>
              <span class="muted"
                >{{ size(file.size) }} ·
                {{ file.createdAt | date: 'yyyy-MM-dd HH:mm' : '+0800' }}</span
              >
            </li>
          }
        </ul>
      }
      @if (canUpload()) {
        <div class="upload">
          <label for="task-attachment-file">{{ 'task.attachments.upload' | transloco }}</label>
          <input
            type="file"
            id="task-attachment-file"
            [accept]="acceptTypes"
            [disabled]="uploading()"
            (change)="upload($event)"
            data-testid="task-attachment-upload"
          />
          <span class="muted">{{ 'task.attachments.rules' | transloco }}</span>
        </div>
        @if (uploadError(); as problem) {
          <nz-alert
            nzType="error"
            nzShowIcon
            [nzMessage]="problem"
            class="alert"
            data-testid="task-upload-error"
          />
        }
      }
    </div>
  `,
  styles: `
    .files {
      list-style: none;
      padding: 0;
      margin: 0 0 8px;
    }
    .muted {
      color: var(--lz-text-secondary);
    }
    .upload {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .alert {
      margin-top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TaskAttachmentsComponent {
  private readonly client = inject(TaskClient);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);

  readonly taskId = input.required<string>();
  readonly canUpload = input(false);

  protected readonly acceptTypes = ATTACHMENT_ACCEPT;
  protected readonly files = signal<readonly AttachmentDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly uploading = signal(false);
  protected readonly uploadError = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.taskId();
      untracked(() => void this.load());
    });
  }

  async load(): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      this.files.set(await this.client.attachments('tasks', this.taskId()));
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected size(bytes: number): string {
    return fileSize(bytes);
  }

  protected async download(file: AttachmentDto): Promise<void> {
    try {
      saveBlob(await this.client.download(file.id), file.fileName);
    } catch (error) {
      this.message.error(
        apiError(error)?.message ?? this.transloco.translate('task.attachments.failed'),
      );
    }
  }

  protected async upload(event: Event): Promise<void> {
    const target = event.target as HTMLInputElement;
    const file = target.files?.[0];
    target.value = '';
    if (!file) return;
    this.uploadError.set(null);
    const texts = {
      tooLarge: this.transloco.translate('task.attachments.tooLarge'),
      failed: this.transloco.translate('task.attachments.failed'),
    };
    if (file.size > ATTACHMENT_MAX_BYTES) {
      this.uploadError.set(`${file.name}: ${texts.tooLarge}`);
      return;
    }
    this.uploading.set(true);
    try {
      await this.client.upload('tasks', this.taskId(), file);
      this.message.success(this.transloco.translate('task.attachments.uploaded'));
      await this.load();
    } catch (error) {
      this.uploadError.set(`${file.name}: ${uploadRefusal(error, texts)}`);
    } finally {
      this.uploading.set(false);
    }
  }
}
