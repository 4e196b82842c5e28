import { DatePipe } from '@angular/common';
import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
  type OnInit,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { TaskDetailDto } from '@lianzhang/contracts';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSkeletonModule } from 'ng-zorro-antd/skeleton';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../i18n/language.service';

type State =
  | { readonly status: 'loading' }
  | { readonly status: 'missing' }
  | { readonly status: 'error' }
  | { readonly status: 'ready'; readonly task: TaskDetailDto };

/**
 * 督办单, printable: one notice on an A4 page in the form an office files it (heading,
 * number, addressee, the facts, what is demanded, issuer and date), with nothing of the
 * app around it. The numbers and facts are the api's; the wording follows the level.
 */
@Component({
  selector: 'lz-notice-print',
  imports: [DatePipe, NzButtonModule, NzResultModule, NzSkeletonModule, RouterLink, TranslocoPipe],
  providers: [provideTranslocoScope('notice')],
  templateUrl: './notice-print.component.html',
  styleUrl: './notice-print.component.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NoticePrintComponent implements OnInit {
  readonly taskId = input.required<string>();
  readonly noticeId = input.required<string>();
  private readonly http = inject(HttpClient);
  protected readonly languages = inject(LanguageService);
  protected readonly state = signal<State>({ status: 'loading' });
  protected readonly notice = computed(() => {
    const state = this.state();
    return state.status === 'ready'
      ? (state.task.notices.find((n) => n.id === this.noticeId()) ?? null)
      : null;
  });
  protected readonly task = computed(() => {
    const state = this.state();
    return state.status === 'ready' ? state.task : null;
  });

  ngOnInit(): void {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.state.set({ status: 'loading' });
    try {
      const task = await firstValueFrom(
        this.http.get<TaskDetailDto>(`/api/tasks/${encodeURIComponent(this.taskId())}`),
      );
      this.state.set(
        task.notices.some((n) => n.id === this.noticeId())
          ? { status: 'ready', task }
          : { status: 'missing' },
      );
    } catch (error) {
      const status = error instanceof HttpErrorResponse ? error.status : 0;
      this.state.set({ status: status === 404 || status === 400 ? 'missing' : 'error' });
    }
  }

  protected print(): void {
    window.print();
  }
}
