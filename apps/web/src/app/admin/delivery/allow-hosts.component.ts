import { DatePipe } from '@angular/common';
import { PlusOutline, WarningFill } from '@ant-design/icons-angular/icons';
import { ChangeDetectionStrategy, Component, inject, signal, type OnInit } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { outboundAllowHostSchema, type OutboundAllowHostDto } from '@lianzhang/contracts';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule, provideNzIconsPatch } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzTableModule } from 'ng-zorro-antd/table';
import { LanguageService } from '../../i18n/language.service';
import {
  apiError,
  apiFieldErrors,
  schemaFieldErrors,
  type FieldErrors,
} from '../../forms/field-errors';
import { AdminClient } from '../admin.client';

/**
 * 外发白名单: hosts outgoing calls may reach although the SSRF guard would refuse them
 * (an intranet robot gateway, a private webhook receiver).
 */
@Component({
  selector: 'lz-allow-hosts',
  imports: [
    DatePipe,
    FormsModule,
    NzButtonModule,
    NzFormModule,
    NzIconModule,
    NzInputModule,
    NzPopconfirmModule,
    NzResultModule,
    NzTableModule,
    TranslocoPipe,
  ],
  template: `
    <p class="hint">{{ 'admin.delivery.allowHint' | transloco }}</p>
    <form nz-form nzLayout="inline" class="add" (ngSubmit)="add()" data-testid="allow-host-form">
      <nz-form-item>
        <nz-form-label nzFor="allow-host" nzRequired>{{
          'admin.delivery.host' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['host'] ? 'error' : ''"
          [nzErrorTip]="errors()['host']"
        >
          <input
            nz-input
            id="allow-host"
            name="host"
            placeholder="robot-gateway.example.gov.cn"
            [(ngModel)]="host"
          />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzFor="allow-note">{{ 'admin.delivery.note' | transloco }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['note'] ? 'error' : ''"
          [nzErrorTip]="errors()['note']"
        >
          <input nz-input id="allow-note" name="note" [(ngModel)]="note" />
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <button nz-button nzType="primary" type="submit" [nzLoading]="busy()">
          <nz-icon nzType="plus" /><span>{{ 'admin.delivery.allow' | transloco }}</span>
        </button>
      </nz-form-item>
    </form>
    @if (failed()) {
      <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
        <div nz-result-extra>
          <button nz-button (click)="load()">{{ 'state.retry' | transloco }}</button>
        </div>
      </nz-result>
    } @else {
      <nz-table
        #table
        [nzData]="hosts()"
        [nzLoading]="loading()"
        [nzShowPagination]="false"
        [nzPageSize]="1000"
        [nzNoResult]="'admin.delivery.noHosts' | transloco"
        data-testid="allow-hosts-table"
      >
        <thead>
          <tr>
            <th>{{ 'admin.delivery.host' | transloco }}</th>
            <th>{{ 'admin.delivery.note' | transloco }}</th>
            <th>{{ 'admin.delivery.createdAt' | transloco }}</th>
            <th>{{ 'admin.actions' | transloco }}</th>
          </tr>
        </thead>
        <tbody>
          @for (entry of table.data; track entry.host) {
            <tr data-testid="allow-host-row">
              <td class="host">{{ entry.host }}</td>
              <td>{{ entry.note }}</td>
              <td>{{ entry.createdAt | date: 'yyyy-MM-dd HH:mm' }}</td>
              <td>
                <button
                  nz-button
                  nzSize="small"
                  nzDanger
                  nz-popconfirm
                  [nzPopconfirmTitle]="'admin.delivery.disallowConfirm' | transloco"
                  (nzOnConfirm)="remove(entry)"
                  [attr.aria-label]="('admin.delete' | transloco) + ' ' + entry.host"
                >
                  <nz-icon nzType="delete" /><span>{{ 'admin.delete' | transloco }}</span>
                </button>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    }
  `,
  styles: `
    .hint {
      color: rgba(0, 0, 0, 0.65);
    }
    .add {
      margin-bottom: 16px;
      row-gap: 8px;
    }
    .host {
      font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    }
    nz-icon {
      margin-right: 4px;
    }
  `,
  providers: [provideNzIconsPatch([PlusOutline, WarningFill])],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AllowHostsComponent implements OnInit {
  private readonly client = inject(AdminClient);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);
  private readonly languages = inject(LanguageService);

  protected readonly hosts = signal<readonly OutboundAllowHostDto[]>([]);
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly busy = signal(false);
  protected readonly errors = signal<FieldErrors>({});
  protected host = '';
  protected note = '';

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.loading.set(true);
    this.failed.set(false);
    try {
      this.hosts.set(await this.client.allowHosts());
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  async add(): Promise<void> {
    const parsed = outboundAllowHostSchema.safeParse({ host: this.host, note: this.note });
    this.errors.set(
      parsed.success ? {} : schemaFieldErrors(parsed.error.issues, this.languages.language()),
    );
    if (!parsed.success) return;
    this.busy.set(true);
    try {
      this.hosts.set(await this.client.allowHost(parsed.data));
      this.host = '';
      this.note = '';
      this.message.success(this.transloco.translate('admin.saved'));
    } catch (error) {
      const body = apiError(error);
      if (body?.details.length) this.errors.set(apiFieldErrors(body.details));
      else this.message.error(body?.message || this.transloco.translate('state.error'));
    } finally {
      this.busy.set(false);
    }
  }

  protected async remove(entry: OutboundAllowHostDto): Promise<void> {
    try {
      await this.client.disallowHost(entry.host);
      this.hosts.update((hosts) => hosts.filter((h) => h.host !== entry.host));
      this.message.success(this.transloco.translate('admin.deleted'));
    } catch (error) {
      this.message.error(apiError(error)?.message || this.transloco.translate('state.error'));
    }
  }
}
