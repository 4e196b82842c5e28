import {
  ChangeDetectionStrategy,
  Component,
  effect,
  input,
  output,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { provideTranslocoScope, TranslocoPipe } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';

/**
 * Asks why before a step that needs a reason (拒收, 退回, 撤销). The caller checks the
 * reason against its contract and says what is wrong through `error`.
 */
@Component({
  selector: 'lz-reason-dialog',
  imports: [FormsModule, NzButtonModule, NzFormModule, NzInputModule, NzModalModule, TranslocoPipe],
  providers: [provideTranslocoScope('task')],
  template: `
    <nz-modal
      [nzVisible]="open()"
      [nzTitle]="title()"
      [nzFooter]="footer"
      (nzOnCancel)="cancelled.emit()"
    >
      <ng-container *nzModalContent>
        <form nz-form nzLayout="vertical" (ngSubmit)="confirm()" data-testid="reason-form">
          <nz-form-item>
            <nz-form-label [nzFor]="fieldId()" nzRequired>{{ label() }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="error() ? 'error' : ''"
              [nzErrorTip]="error() ?? ''"
            >
              <textarea
                nz-input
                [id]="fieldId()"
                name="reason"
                rows="4"
                maxlength="2000"
                [ngModel]="reason()"
                (ngModelChange)="reason.set($event)"
                data-testid="reason"
              ></textarea>
            </nz-form-control>
          </nz-form-item>
        </form>
      </ng-container>
      <ng-template #footer>
        <button nz-button type="button" (click)="cancelled.emit()" data-testid="reason-cancel">
          {{ 'task.dialog.cancel' | transloco }}
        </button>
        <button
          nz-button
          nzType="primary"
          type="button"
          [nzLoading]="busy()"
          (click)="confirm()"
          data-testid="reason-confirm"
        >
          {{ 'task.dialog.confirm' | transloco }}
        </button>
      </ng-template>
    </nz-modal>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReasonDialogComponent {
  readonly open = input.required<boolean>();
  readonly title = input.required<string>();
  readonly label = input.required<string>();
  /** The id of the text area, for its `<label for>`. */
  readonly fieldId = input('reason');
  readonly busy = input(false);
  readonly error = input<string | null>(null);
  readonly confirmed = output<string>();
  readonly cancelled = output<void>();

  protected readonly reason = signal('');

  constructor() {
    // Every time it opens, it opens empty.
    effect(() => {
      if (this.open()) untracked(() => this.reason.set(''));
    });
  }

  protected confirm(): void {
    this.confirmed.emit(this.reason());
  }
}
