import {
  ChangeDetectionStrategy,
  Component,
  inject,
  output,
  signal,
  type OnInit,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import {
  createShortBoardSchema,
  type ChainNodeDto,
  type ShortBoardDto,
} from '@lianzhang/contracts';
import {
  SHORT_BOARD_CATEGORIES,
  SHORT_BOARD_CATEGORY_LABELS,
  type ShortBoardCategory,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzDatePickerModule } from 'ng-zorro-antd/date-picker';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import {
  apiError,
  schemaFieldErrors,
  apiFieldErrors,
  type FieldErrors,
} from '../../forms/field-errors';
import { labelOf } from '../chain-labels';
import { ChainStore } from '../chain.store';
import { ChainsClient } from '../chains.client';
import { fromIsoDate, toIsoDate, todayInShanghai } from '../dates';

/** A new short board, checked with the shared schema before it is sent. */
@Component({
  selector: 'lz-short-board-form',
  imports: [
    FormsModule,
    NzAlertModule,
    NzButtonModule,
    NzCheckboxModule,
    NzDatePickerModule,
    NzFormModule,
    NzInputModule,
    NzInputNumberModule,
    NzSelectModule,
    TranslocoPipe,
  ],
  template: `
    <form nz-form nzLayout="vertical" (ngSubmit)="submit()" data-testid="short-board-form">
      @if (formError(); as message) {
        <nz-alert nzType="error" [nzMessage]="message" nzShowIcon class="alert" />
      }
      <nz-form-item>
        <nz-form-label nzFor="board-title" nzRequired>{{
          'chains.shortBoards.name' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['title'] ? 'error' : ''"
          [nzErrorTip]="errors()['title']"
        >
          <input nz-input id="board-title" name="title" [(ngModel)]="title" />
        </nz-form-control>
      </nz-form-item>
      <div class="row">
        <nz-form-item>
          <nz-form-label nzFor="board-category" nzRequired>{{
            'chains.shortBoards.category' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['category'] ? 'error' : ''"
            [nzErrorTip]="errors()['category']"
          >
            <nz-select nzId="board-category" name="category" [(ngModel)]="category">
              @for (value of categories; track value) {
                <nz-option [nzValue]="value" [nzLabel]="categoryLabel(value)" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="board-node">{{
            'chains.shortBoards.node' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['nodeId'] ? 'error' : ''"
            [nzErrorTip]="errors()['nodeId']"
          >
            <nz-select nzId="board-node" name="node" nzAllowClear [(ngModel)]="nodeId">
              @for (node of nodes(); track node.id) {
                <nz-option [nzValue]="node.id" [nzLabel]="node.name" />
              }
            </nz-select>
          </nz-form-control>
        </nz-form-item>
      </div>
      <div class="row">
        <nz-form-item>
          <nz-form-label nzFor="board-start" nzRequired>{{
            'chains.shortBoards.startDate' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['startDate'] ? 'error' : ''"
            [nzErrorTip]="errors()['startDate']"
          >
            <nz-date-picker nzId="board-start" name="startDate" [(ngModel)]="startDate" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="board-target" nzRequired>{{
            'chains.shortBoards.targetDate' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['targetDate'] ? 'error' : ''"
            [nzErrorTip]="errors()['targetDate']"
          >
            <nz-date-picker nzId="board-target" name="targetDate" [(ngModel)]="targetDate" />
          </nz-form-control>
        </nz-form-item>
        <nz-form-item>
          <nz-form-label nzFor="board-foreign">{{
            'chains.shortBoards.foreignPercent' | transloco
          }}</nz-form-label>
          <nz-form-control
            [nzValidateStatus]="errors()['foreignDependence'] ? 'error' : ''"
            [nzErrorTip]="errors()['foreignDependence']"
          >
            <nz-input-number
              nzId="board-foreign"
              name="foreign"
              [nzMin]="0"
              [nzMax]="100"
              [(ngModel)]="foreignPercent"
            />
          </nz-form-control>
        </nz-form-item>
      </div>
      <nz-form-item>
        <nz-form-label nzFor="board-owners">{{
          'chains.shortBoards.owners' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['ownerOrganisationIds'] ? 'error' : ''"
          [nzErrorTip]="errors()['ownerOrganisationIds']"
        >
          <nz-select
            nzId="board-owners"
            name="owners"
            nzMode="multiple"
            [(ngModel)]="owners"
            [nzPlaceHolder]="'chains.shortBoards.ownersHint' | transloco"
          >
            @for (member of store.memberList(); track member.organisationId) {
              <nz-option [nzValue]="member.organisationId" [nzLabel]="member.name" />
            }
          </nz-select>
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-control>
          <label
            nz-checkbox
            for="board-chokepoint"
            nzId="board-chokepoint"
            name="chokepoint"
            [(ngModel)]="chokepoint"
            >{{ 'chains.shortBoards.chokepoint' | transloco }}</label
          >
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-label nzFor="board-description">{{
          'chains.shortBoards.description' | transloco
        }}</nz-form-label>
        <nz-form-control
          [nzValidateStatus]="errors()['description'] ? 'error' : ''"
          [nzErrorTip]="errors()['description']"
        >
          <textarea
            nz-input
            id="board-description"
            name="description"
            rows="4"
            [(ngModel)]="description"
          ></textarea>
        </nz-form-control>
      </nz-form-item>
      <div class="actions">
        <button nz-button type="button" (click)="cancelled.emit()">
          {{ 'chains.form.cancel' | transloco }}
        </button>
        <button
          nz-button
          nzType="primary"
          type="submit"
          [nzLoading]="busy()"
          data-testid="short-board-submit"
        >
          {{ 'chains.form.create' | transloco }}
        </button>
      </div>
    </form>
  `,
  styles: `
    nz-input-number {
      width: 100%;
    }
    .row {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(160px, 1fr));
      gap: 0 12px;
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
    .alert {
      margin-bottom: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShortBoardFormComponent implements OnInit {
  protected readonly store = inject(ChainStore);
  private readonly client = inject(ChainsClient);
  private readonly languages = inject(LanguageService);
  private readonly transloco = inject(TranslocoService);

  readonly created = output<ShortBoardDto>();
  readonly cancelled = output<void>();

  protected readonly categories = SHORT_BOARD_CATEGORIES;
  protected readonly nodes = signal<readonly ChainNodeDto[]>([]);
  protected readonly busy = signal(false);
  protected readonly errors = signal<FieldErrors>({});
  protected readonly formError = signal<string | null>(null);

  protected title = '';
  protected description = '';
  protected category: ShortBoardCategory | null = null;
  protected nodeId: string | null = null;
  protected chokepoint = false;
  protected foreignPercent: number | null = null;
  protected startDate: Date | null = fromIsoDate(todayInShanghai());
  protected targetDate: Date | null = null;
  protected owners: string[] = [];

  ngOnInit(): void {
    const id = this.store.id();
    // The map's links to attach the board to; the form works without them.
    if (id)
      firstValueFrom(this.client.map(id))
        .then((nodes) => this.nodes.set(nodes))
        .catch(() => undefined);
  }

  async submit(): Promise<void> {
    const id = this.store.id();
    if (!id) return;
    const parsed = createShortBoardSchema.safeParse({
      title: this.title,
      description: this.description || undefined,
      category: this.category ?? undefined,
      nodeId: this.nodeId,
      chokepoint: this.chokepoint,
      foreignDependence: this.foreignPercent === null ? null : this.foreignPercent / 100,
      startDate: toIsoDate(this.startDate),
      targetDate: toIsoDate(this.targetDate),
      ownerOrganisationIds: this.owners.length ? this.owners : undefined,
    });
    if (!parsed.success) {
      this.errors.set(schemaFieldErrors(parsed.error.issues, this.languages.language()));
      return;
    }
    this.errors.set({});
    this.formError.set(null);
    this.busy.set(true);
    try {
      this.created.emit(await firstValueFrom(this.client.createShortBoard(id, parsed.data)));
    } catch (error) {
      const body = apiError(error);
      const fields = apiFieldErrors(body?.details);
      if (Object.keys(fields).length) this.errors.set(fields);
      else this.formError.set(body?.message ?? this.transloco.translate('state.error'));
    } finally {
      this.busy.set(false);
    }
  }

  protected categoryLabel(category: ShortBoardCategory): string {
    return labelOf(SHORT_BOARD_CATEGORY_LABELS, category, this.languages.language());
  }
}
