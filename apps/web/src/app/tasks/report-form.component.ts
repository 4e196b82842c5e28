import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { createReportSchema, type ProgressReportDto } from '@lianzhang/contracts';
import { provideTranslocoScope, TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import type { ZodError } from 'zod';
import { LanguageService } from '../i18n/language.service';
import {
  apiError,
  apiFieldErrors,
  schemaFieldErrors,
  type FieldErrors,
} from '../forms/field-errors';
import { uploadRefusal } from './upload-refusal';
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MAX_BYTES,
  fileSize,
  TaskClient,
  type ReportSubject,
} from './task.client';

interface UploadProblem {
  readonly fileName: string;
  readonly message: string;
}

/**
 * 报送进展: a progress report on a task, short board or project. Checked with the shared
 * contract before it is sent; the files are uploaded to the report once it exists (the
 * api checks each one's type and size, and its refusal is shown by the file's name).
 */
@Component({
  selector: 'lz-report-form',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    TranslocoPipe,
  ],
  providers: [provideTranslocoScope('task')],
  template: `
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" data-testid="report-form" novalidate>
      @if (formError(); as message) {
        <nz-alert
          nzType="error"
          nzShowIcon
          [nzMessage]="message"
          class="alert"
          data-testid="report-error"
        />
      }
      <nz-form-item>
        <nz-form-label [nzFor]="id('percent')" nzRequired>{{
          'task.report.percent' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['percent'] ? 'error' : ''"
          [nzErrorTip]="errors()['percent'] ?? ''"
        >
          <nz-input-number
            [nzId]="id('percent')"
            name="percent"
            [nzMin]="0"
            [nzMax]="100"
            [nzStep]="5"
            [nzPrecision]="0"
            nzSuffix="%"
            [ngModel]="percent()"
            (ngModelChange)="percent.set($event)"
            data-testid="report-percent"
          />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label [nzFor]="id('narrative')" nzRequired>{{
          'task.report.narrative' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['narrative'] ? 'error' : ''"
          [nzErrorTip]="errors()['narrative'] ?? ''"
          data-testid="report-narrative-control"
        >
          <textarea
            nz-input
            [id]="id('narrative')"
            name="narrative"
            rows="4"
            [placeholder]="'task.report.narrativeHint' | transloco"
            [ngModel]="narrative()"
            (ngModelChange)="narrative.set($event)"
            data-testid="report-narrative"
          ></textarea>
        </nz-form-control>
      </nz-form-item>
      <div class="pair">
        <nz-form-item>
          <nz-form-label [nzFor]="id('problems')">{{
            'task.report.problems' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['problems'] ? 'error' : ''"
            [nzErrorTip]="errors()['problems'] ?? ''"
          >
            <textarea
              nz-input
              [id]="id('problems')"
              name="problems"
              rows="3"
              [ngModel]="problems()"
              (ngModelChange)="problems.set($event)"
              data-testid="report-problems"
            ></textarea>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label [nzFor]="id('needs')">{{ 'task.report.needs' | transloco }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['needs'] ? 'error' : ''"
            [nzErrorTip]="errors()['needs'] ?? ''"
          >
            <textarea
              nz-input
              [id]="id('needs')"
              name="needs"
              rows="3"
              [ngModel]="needs()"
              (ngModelChange)="needs.set($event)"
              data-testid="report-needs"
            ></textarea>
          </nz-form-control>
        </nz-form-item>
      </div>
      <nz-form-item>
        <nz-form-label [nzFor]="id('files')">{{ 'task.report.files' | transloco }}</nz-form-label>
        <nz-form-control [nzExtra]="'task.attachments.rules' | transloco">
          <input
            type="file"
            multiple
            [id]="id('files')"
            [accept]="acceptTypes"
            (change)="pick($event)"
            data-testid="report-files"
          />
          @if (files().length) {
            <ul class="files">
              @for (file of files(); track $index) {
                <li>
                  {{ file.name }} <span class="muted">{{ size(file.size) }}</span>
                  <button
                    nz-button
                    nzType="link"
                    nzSize="small"
                    type="button"
                    (click)="remove($index)"
                  >
                    {{ 'task.report.removeFile' | transloco }}
                  </button>
                </li>
              }
            </ul>
          }
        </nz-form-control>
      </nz-form-item>
      @for (problem of uploadProblems(); track $index) {
        <nz-alert
          nzType="warning"
          nzShowIcon
          class="alert"
          [nzMessage]="problem.fileName"
          [nzDescription]="problem.message"
          data-testid="report-upload-error"
        />
      }
      <button
        nz-button
        nzType="primary"
        type="submit"
        [nzLoading]="busy()"
        data-testid="report-submit"
      >
        {{ 'task.report.submit' | transloco }}
      </button>
    </form>
  `,
  styles: `
    .pair {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
      column-gap: 16px;
    }
    .alert {
      margin-bottom: 12px;
    }
    .files {
      margin: 8px 0 0;
      padding-left: 18px;
    }
    .muted {
      color: var(--lz-text-secondary);
    }
    nz-input-number {
      width: 160px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportFormComponent {
  private readonly client = inject(TaskClient);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly languages = inject(LanguageService);

  readonly subject = input.required<ReportSubject>();
  /** Where the slider starts: the subject's current progress. */
  readonly initialPercent = input(0);
  readonly submitted = output<ProgressReportDto>();

  protected readonly acceptTypes = ATTACHMENT_ACCEPT;
  protected readonly percent = signal<number | null>(0);
  protected readonly narrative = signal('');
  protected readonly problems = signal('');
  protected readonly needs = signal('');
  protected readonly files = signal<readonly File[]>([]);
  protected readonly busy = signal(false);
  protected readonly formError = signal<string | null>(null);
  protected readonly uploadProblems = signal<readonly UploadProblem[]>([]);
  private readonly issues = signal<ZodError['issues']>([]);
  private readonly server = signal<FieldErrors>({});

  /** The contract's complaints in the current language, then the api's. */
  protected readonly errors = computed<FieldErrors>(() => ({
    ...schemaFieldErrors(this.issues(), this.languages.language()),
    ...this.server(),
  }));

  constructor() {
    effect(() => {
      const start = this.initialPercent();
      untracked(() => this.percent.set(start));
    });
  }

  /** Ids unique on the page (several forms may be open), stable for `<label for>`. */
  protected id(field: string): string {
    const subject = this.subject();
    return `report-${subject.type}-${subject.id}-${field}`;
  }

  protected size(bytes: number): string {
    return fileSize(bytes);
  }

  protected pick(event: Event): void {
    const target = event.target as HTMLInputElement;
    const chosen = [...(target.files ?? [])];
    const tooLarge = chosen.filter((file) => file.size > ATTACHMENT_MAX_BYTES);
    this.uploadProblems.set(
      tooLarge.map((file) => ({
        fileName: file.name,
        message: this.transloco.translate('task.attachments.tooLarge'),
      })),
    );
    this.files.update((files) => [
      ...files,
      ...chosen.filter((file) => file.size <= ATTACHMENT_MAX_BYTES),
    ]);
    target.value = '';
  }

  protected remove(index: number): void {
    this.files.update((files) => files.filter((_, i) => i !== index));
  }

  async submit(): Promise<void> {
    this.server.set({});
    this.formError.set(null);
    const parsed = createReportSchema.safeParse({
      percent: this.percent() ?? undefined,
      narrative: this.narrative(),
      ...(this.problems().trim() ? { problems: this.problems().trim() } : {}),
      ...(this.needs().trim() ? { needs: this.needs().trim() } : {}),
    });
    this.issues.set(parsed.success ? [] : parsed.error.issues);
    if (!parsed.success) return;
    this.busy.set(true);
    this.uploadProblems.set([]);
    try {
      let report: ProgressReportDto;
      try {
        report = await this.client.createReport(this.subject(), parsed.data);
      } catch (error) {
        const body = apiError(error);
        const fields = apiFieldErrors(body?.details);
        this.server.set(fields);
        const known = ['percent', 'narrative', 'problems', 'needs'];
        const elsewhere = Object.entries(fields).filter(([path]) => !known.includes(path));
        if (Object.keys(fields).length === 0 || elsewhere.length > 0)
          this.formError.set(
            elsewhere[0]?.[1] ?? body?.message ?? this.transloco.translate('task.report.failed'),
          );
        return;
      }
      const problems = await this.uploadAll(report.id);
      this.uploadProblems.set(problems);
      this.message.success(this.transloco.translate('task.report.sent'));
      this.narrative.set('');
      this.problems.set('');
      this.needs.set('');
      this.files.set([]);
      this.submitted.emit(report);
    } finally {
      this.busy.set(false);
    }
  }

  /** One file after the other; each refusal is kept with the file's name. */
  private async uploadAll(reportId: string): Promise<UploadProblem[]> {
    const problems: UploadProblem[] = [];
    for (const file of this.files()) {
      try {
        await this.client.upload('reports', reportId, file);
      } catch (error) {
        problems.push({ fileName: file.name, message: this.uploadRefusal(error) });
      }
    }
    return problems;
  }

  private uploadRefusal(error: unknown): string {
    return uploadRefusal(error, {
      tooLarge: this.transloco.translate('task.attachments.tooLarge'),
      failed: this.transloco.translate('task.attachments.failed'),
    });
  }
}
