import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
  type OnInit,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import type { ShortBoardDto } from '@lianzhang/contracts';
import {
  PACE_LABELS,
  SHORT_BOARD_CATEGORY_LABELS,
  SHORT_BOARD_STATUS_LABELS,
  type PaceColour,
  type ShortBoardCategory,
  type ShortBoardStatus,
} from '@lianzhang/domain';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzProgressModule } from 'ng-zorro-antd/progress';
import { NzResultModule } from 'ng-zorro-antd/result';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { PACE_TAG_COLOURS, labelOf, paceExplanation } from '../chain-labels';
import { ChainStore } from '../chain.store';
import { ChainsClient } from '../chains.client';
import { ShortBoardDetailComponent } from './short-board-detail.component';
import { ShortBoardFormComponent } from './short-board-form.component';

/**
 * 短板目录: the chain's gaps with their status, progress and pace colour (progress
 * against the share of the planned period gone). A row opens its detail (progress
 * history, editing); the address keeps it (`?board=`), so a link can lead straight there.
 */
@Component({
  selector: 'lz-chain-short-boards',
  imports: [
    RouterLink,
    NzButtonModule,
    NzCardModule,
    NzDrawerModule,
    NzIconModule,
    NzProgressModule,
    NzResultModule,
    NzTableModule,
    NzTagModule,
    NzTooltipModule,
    ShortBoardDetailComponent,
    ShortBoardFormComponent,
    TranslocoPipe,
  ],
  template: `
    <nz-card
      [nzTitle]="'chains.shortBoards.title' | transloco"
      [nzExtra]="extra"
      data-testid="short-boards"
    >
      @if (failed()) {
        <nz-result nzStatus="warning" [nzTitle]="'state.error' | transloco">
          <div nz-result-extra>
            <button nz-button (click)="load()">{{ 'state.retry' | transloco }}</button>
          </div>
        </nz-result>
      } @else {
        <nz-table
          #table
          [nzData]="boards()"
          [nzLoading]="loading()"
          [nzNoResult]="'chains.shortBoards.empty' | transloco"
          [nzPageSize]="20"
          nzSize="middle"
          [nzScroll]="{ x: '960px' }"
        >
          <thead>
            <tr>
              <th>{{ 'chains.shortBoards.name' | transloco }}</th>
              <th>{{ 'chains.shortBoards.category' | transloco }}</th>
              <th>{{ 'chains.shortBoards.status' | transloco }}</th>
              <th nzWidth="180px">{{ 'chains.shortBoards.progress' | transloco }}</th>
              <th>{{ 'chains.shortBoards.pace' | transloco }}</th>
              <th>{{ 'chains.shortBoards.targetDate' | transloco }}</th>
              <th>{{ 'chains.shortBoards.owners' | transloco }}</th>
            </tr>
          </thead>
          <tbody>
            @for (board of table.data; track board.id) {
              <tr data-testid="short-board-row">
                <td>
                  <a
                    [routerLink]="[]"
                    [queryParams]="{ board: board.id }"
                    queryParamsHandling="merge"
                    (click)="selectedId.set(board.id)"
                    data-testid="short-board-open"
                    >{{ board.title }}</a
                  >
                  @if (board.chokepoint) {
                    <nz-tag nzColor="red">{{ 'chains.shortBoards.chokepoint' | transloco }}</nz-tag>
                  }
                </td>
                <td>{{ categoryLabel(board.category) }}</td>
                <td>
                  <nz-tag>{{ statusLabel(board.status) }}</nz-tag>
                </td>
                <td><nz-progress [nzPercent]="board.progress" nzSize="small" /></td>
                <td>
                  <nz-tag
                    [nzColor]="paceColour(board.pace.colour)"
                    nz-tooltip
                    [nzTooltipTitle]="paceExplanation(board)"
                    data-testid="pace"
                    >{{ paceLabel(board.pace.colour) }}</nz-tag
                  >
                </td>
                <td>{{ board.targetDate }}</td>
                <td>{{ ownerNames(board) }}</td>
              </tr>
            }
          </tbody>
        </nz-table>
      }
    </nz-card>
    <ng-template #extra>
      @if (store.canEdit()) {
        <button
          nz-button
          nzType="primary"
          (click)="creating.set(true)"
          data-testid="short-board-create"
        >
          <nz-icon nzType="plus" /> <span>{{ 'chains.shortBoards.create' | transloco }}</span>
        </button>
      }
    </ng-template>
    <nz-drawer
      [nzVisible]="selected() !== null"
      [nzTitle]="selected()?.title ?? ''"
      [nzWidth]="drawerWidth"
      (nzOnClose)="open(null)"
    >
      <ng-container *nzDrawerContent>
        @if (selected(); as board) {
          <lz-short-board-detail
            [board]="board"
            [canEdit]="store.canEdit()"
            (changed)="replace($event)"
          />
        }
      </ng-container>
    </nz-drawer>
    <nz-drawer
      [nzVisible]="creating()"
      [nzTitle]="'chains.shortBoards.create' | transloco"
      [nzWidth]="drawerWidth"
      (nzOnClose)="creating.set(false)"
    >
      <ng-container *nzDrawerContent>
        @if (creating()) {
          <lz-short-board-form (created)="created($event)" (cancelled)="creating.set(false)" />
        }
      </ng-container>
    </nz-drawer>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ShortBoardsComponent implements OnInit {
  protected readonly store = inject(ChainStore);
  private readonly client = inject(ChainsClient);
  private readonly languages = inject(LanguageService);
  private readonly router = inject(Router);
  private readonly transloco = inject(TranslocoService);

  /** `?board=` of the address: the short board whose detail is open. */
  readonly board = input<string>();

  protected readonly drawerWidth = 'min(640px, 100vw)';
  protected readonly loading = signal(true);
  protected readonly failed = signal(false);
  protected readonly boards = signal<readonly ShortBoardDto[]>([]);
  protected readonly selectedId = signal<string | null>(null);
  protected readonly creating = signal(false);
  protected readonly selected = computed(
    () => this.boards().find((b) => b.id === this.selectedId()) ?? null,
  );

  constructor() {
    effect(() => {
      const board = this.board() ?? null;
      untracked(() => this.selectedId.set(board));
    });
  }

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    const id = this.store.id();
    if (!id) return;
    this.loading.set(true);
    this.failed.set(false);
    try {
      this.boards.set(await firstValueFrom(this.client.shortBoards(id)));
    } catch {
      this.failed.set(true);
    } finally {
      this.loading.set(false);
    }
  }

  protected open(id: string | null): void {
    this.selectedId.set(id);
    void this.router.navigate([], {
      queryParams: { board: id },
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  protected replace(board: ShortBoardDto): void {
    this.boards.update((boards) => boards.map((b) => (b.id === board.id ? board : b)));
  }

  protected created(board: ShortBoardDto): void {
    this.creating.set(false);
    this.boards.update((boards) => [...boards, board]);
    void this.store.loadDetail();
    this.open(board.id);
  }

  protected categoryLabel(category: ShortBoardCategory): string {
    return labelOf(SHORT_BOARD_CATEGORY_LABELS, category, this.languages.language());
  }

  protected statusLabel(status: ShortBoardStatus): string {
    return labelOf(SHORT_BOARD_STATUS_LABELS, status, this.languages.language());
  }

  protected paceLabel(colour: PaceColour): string {
    return labelOf(PACE_LABELS, colour, this.languages.language());
  }

  protected paceColour(colour: PaceColour): string {
    return PACE_TAG_COLOURS[colour];
  }

  /** Why the colour: the progress against the share of the period gone. */
  protected paceExplanation(board: ShortBoardDto): string {
    return paceExplanation(this.transloco, board.progress, board.pace);
  }

  protected ownerNames(board: ShortBoardDto): string {
    return board.owners.map((o) => o.name).join('、') || '—';
  }
}
