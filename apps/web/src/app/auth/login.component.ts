import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { loginRequestSchema } from '@lianzhang/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { apiError } from '../forms/field-errors';
import { SessionStore } from './session.store';

/** Sign-in: the shared contract checks the form, the api's message explains a refusal. */
@Component({
  selector: 'lz-login',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzInputModule,
    TranslocoPipe,
  ],
  template: `
    <div class="page">
      <nz-card class="card" [nzTitle]="'login.title' | transloco">
        <form nz-form nzLayout="vertical" (ngSubmit)="submit()" data-testid="login-form">
          @if (error(); as message) {
            <nz-alert
              nzType="error"
              [nzMessage]="message"
              nzShowIcon
              class="alert"
              data-testid="login-error"
            />
          }
          <nz-form-item>
            <nz-form-label nzFor="username" nzRequired>{{
              'login.username' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="missing().includes('username') ? 'error' : ''"
              [nzErrorTip]="'login.required' | transloco"
            >
              <input
                nz-input
                id="username"
                name="username"
                autocomplete="username"
                [(ngModel)]="username"
              />
            </nz-form-control>
          </nz-form-item>
          <nz-form-item>
            <nz-form-label nzFor="password" nzRequired>{{
              'login.password' | transloco
            }}</nz-form-label>
            <nz-form-control
              [nzValidateStatus]="missing().includes('password') ? 'error' : ''"
              [nzErrorTip]="'login.required' | transloco"
            >
              <input
                nz-input
                id="password"
                name="password"
                type="password"
                autocomplete="current-password"
                [(ngModel)]="password"
              />
            </nz-form-control>
          </nz-form-item>
          <button nz-button nzType="primary" nzBlock type="submit" [nzLoading]="busy()">
            {{ 'login.submit' | transloco }}
          </button>
        </form>
      </nz-card>
    </div>
  `,
  styles: `
    .page {
      min-height: 100vh;
      display: grid;
      place-items: center;
      background: #f0f2f5;
      padding: 24px;
    }
    .card {
      width: 100%;
      max-width: 400px;
    }
    .alert {
      margin-bottom: 16px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginComponent {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);
  /** Where to go afterwards (set by the guard or an expired session). */
  readonly returnUrl = input<string>();

  protected username = '';
  protected password = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly missing = signal<readonly string[]>([]);

  async submit(): Promise<void> {
    const parsed = loginRequestSchema.safeParse({
      username: this.username,
      password: this.password,
    });
    this.missing.set(parsed.success ? [] : parsed.error.issues.map((i) => String(i.path[0])));
    if (!parsed.success) return;
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.session.login(parsed.data);
      const target = this.returnUrl();
      await this.router.navigateByUrl(
        target && target.startsWith('/') && !target.startsWith('//') ? target : '/',
      );
    } catch (error) {
      // The api's own message (locked, wrong password…), else a plain one of ours.
      this.error.set(apiError(error)?.message || this.transloco.translate('login.failed'));
    } finally {
      this.busy.set(false);
    }
  }
}
