import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { ChainMemberDto, OrganisationDto } from '@lianzhang/contracts';
import { MEMBER_ROLES, MEMBER_ROLE_LABELS, type MemberRole } from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { apiError } from '../../forms/field-errors';
import { labelOf } from '../chain-labels';
import { ChainStore } from '../chain.store';
import { ChainsClient } from '../chains.client';

const ROLE_COLOURS: Readonly<Record<MemberRole, string>> = {
  chain_master: 'red',
  key_supporting: 'orange',
  member: 'blue',
  research_partner: 'purple',
  service_provider: 'cyan',
};

/** 成员: the organisations of the chain and their role; editors add, re-role and remove. */
@Component({
  selector: 'lz-chain-members',
  imports: [
    FormsModule,
    NzButtonModule,
    NzCardModule,
    NzFormModule,
    NzIconModule,
    NzPopconfirmModule,
    NzResultModule,
    NzSelectModule,
    NzTableModule,
    NzTagModule,
    TranslocoPipe,
  ],
  template: `
    <nz-card [nzTitle]="'chains.members.title' | transloco" data-testid="chain-members">
      @if (store.canEdit()) {
        <form class="add" (ngSubmit)="add()" data-testid="member-add-form">
          <div class="field grow">
            <label for="member-organisation">{{ 'chains.members.organisation' | transloco }}</label>
            <nz-select
              nzId="member-organisation"
              name="organisation"
              nzShowSearch
              nzServerSearch
              nzAllowClear
              [nzPlaceHolder]="'chains.members.searchOrganisation' | transloco"
              [nzLoading]="searching()"
              [(ngModel)]="organisationId"
              (nzOnSearch)="search($event)"
              (nzOpenChange)="$event && options().length === 0 && search('')"
              [nzStatus]="addError() ? 'error' : ''"
            >
              @for (organisation of options(); track organisation.id) {
                <nz-option [nzValue]="organisation.id" [nzLabel]="organisation.name" />
              }
            </nz-select>
          </div>
          <div class="field">
            <label for="member-role">{{ 'chains.members.role' | transloco }}</label>
            <nz-select nzId="member-role" name="role" [(ngModel)]="role">
              @for (value of roles; track value) {
                <nz-option [nzValue]="value" [nzLabel]="roleLabel(value)" />
              }
            </nz-select>
          </div>
          <button
            nz-button
            nzType="primary"
            type="submit"
            [nzLoading]="busy()"
            data-testid="member-add"
          >
            <nz-icon nzType="plus" /> <span>{{ 'chains.members.add' | transloco }}</span>
          </button>
          @if (addError(); as message) {
            <div class="error" role="alert">{{ message }}</div>
          }
        </form>
      }
      @switch (store.members().status) {
        @case ('error') {
          <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
            <div nz-result-extra>
              <button nz-button (click)="store.loadMembers()">
                {{ 'state.retry' | transloco }}
              </button>
            </div>
          </nz-result>
        }
        @default {
          <nz-table
            #table
            [nzData]="store.memberList()"
            [nzLoading]="store.members().status === 'loading'"
            [nzNoResult]="'chains.members.empty' | transloco"
            [nzPageSize]="20"
            nzSize="middle"
            [nzScroll]="{ x: '720px' }"
          >
            <thead>
              <tr>
                <th>{{ 'chains.members.name' | transloco }}</th>
                <th>{{ 'chains.members.creditCode' | transloco }}</th>
                <th>{{ 'chains.members.role' | transloco }}</th>
                @if (store.canEdit()) {
                  <th>{{ 'chains.members.actions' | transloco }}</th>
                }
              </tr>
            </thead>
            <tbody>
              @for (member of table.data; track member.organisationId) {
                <tr data-testid="member-row">
                  <td>{{ member.name }}</td>
                  <td class="code">{{ member.creditCode ?? '—' }}</td>
                  <td>
                    @if (store.canEdit()) {
                      <nz-select
                        class="role-select"
                        [nzId]="'member-role-' + member.organisationId"
                        [ngModel]="member.role"
                        (ngModelChange)="changeRole(member, $event)"
                        [attr.aria-label]="'chains.members.role' | transloco"
                      >
                        @for (value of roles; track value) {
                          <nz-option [nzValue]="value" [nzLabel]="roleLabel(value)" />
                        }
                      </nz-select>
                    } @else {
                      <nz-tag [nzColor]="roleColour(member.role)">{{
                        roleLabel(member.role)
                      }}</nz-tag>
                    }
                  </td>
                  @if (store.canEdit()) {
                    <td>
                      <button
                        nz-button
                        nzDanger
                        nzSize="small"
                        nz-popconfirm
                        [nzPopconfirmTitle]="'chains.members.confirmRemove' | transloco"
                        (nzOnConfirm)="remove(member)"
                        data-testid="member-remove"
                      >
                        <nz-icon nzType="delete" />
                        <span>{{ 'chains.members.remove' | transloco }}</span>
                      </button>
                    </td>
                  }
                </tr>
              }
            </tbody>
          </nz-table>
        }
      }
    </nz-card>
  `,
  styles: `
    .add {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: flex-end;
      margin-bottom: 16px;
    }
    .field {
      display: flex;
      flex-direction: column;
      gap: 4px;
      min-width: 200px;
    }
    .field.grow {
      flex: 1 1 280px;
    }
    .error {
      flex-basis: 100%;
      color: #cf1322;
    }
    .code {
      font-family: monospace;
    }
    .role-select {
      width: 100%;
      min-width: 160px;
      max-width: 240px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MembersComponent {
  protected readonly store = inject(ChainStore);
  private readonly client = inject(ChainsClient);
  private readonly languages = inject(LanguageService);
  private readonly message = inject(NzMessageService);
  private readonly transloco = inject(TranslocoService);

  protected readonly roles = MEMBER_ROLES;
  protected readonly options = signal<readonly OrganisationDto[]>([]);
  protected readonly searching = signal(false);
  protected readonly busy = signal(false);
  protected readonly addError = signal<string | null>(null);
  protected organisationId: string | null = null;
  protected role: MemberRole = 'member';

  protected async search(q: string): Promise<void> {
    this.searching.set(true);
    try {
      const page = await firstValueFrom(
        this.client.organisations({ q: q.trim(), pageSize: 20, sort: 'name' }),
      );
      this.options.set(page.items);
    } catch {
      this.options.set([]);
    } finally {
      this.searching.set(false);
    }
  }

  protected async add(): Promise<void> {
    if (!this.organisationId) {
      this.addError.set(this.transloco.translate('chains.members.chooseOrganisation'));
      return;
    }
    this.addError.set(null);
    this.busy.set(true);
    try {
      await this.store.setMember(this.organisationId, this.role);
      this.organisationId = null;
    } catch (error) {
      const body = apiError(error);
      this.addError.set(body?.details[0]?.message ?? body?.message ?? null);
    } finally {
      this.busy.set(false);
    }
  }

  protected async changeRole(member: ChainMemberDto, role: MemberRole): Promise<void> {
    if (role === member.role) return;
    try {
      await this.store.setMember(member.organisationId, role);
    } catch (error) {
      this.message.error(apiError(error)?.message ?? '');
      await this.store.loadMembers();
    }
  }

  protected async remove(member: ChainMemberDto): Promise<void> {
    try {
      await this.store.removeMember(member.organisationId);
    } catch (error) {
      this.message.error(apiError(error)?.message ?? '');
    }
  }

  protected roleLabel(role: MemberRole): string {
    return labelOf(MEMBER_ROLE_LABELS, role, this.languages.language());
  }

  protected roleColour(role: MemberRole): string {
    return ROLE_COLOURS[role];
  }
}
