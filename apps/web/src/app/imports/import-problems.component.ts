import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { IMPORT_COLUMNS, type ImportKind } from '@lianzhang/contracts';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzTableModule } from 'ng-zorro-antd/table';
import { LanguageService } from '../i18n/language.service';
import type { ImportProblem } from './imports.store';

interface ProblemLine {
  readonly index: number;
  readonly row: number | null;
  /** The column's name in the interface's language, or the header text as it was. */
  readonly column: string | null;
  readonly key: string | null;
  readonly message: string;
}

/** The problems of an upload, by row and column as Excel shows them, in the interface's language. */
@Component({
  selector: 'lz-import-problems',
  imports: [NzTableModule, TranslocoPipe],
  template: `
    <nz-table
      #table
      [nzData]="lines()"
      [nzPageSize]="20"
      [nzHideOnSinglePage]="true"
      nzSize="small"
      [nzShowTotal]="total"
      data-testid="import-problems"
    >
      <thead>
        <tr>
          <th scope="col" nzWidth="90px">{{ 'imports.problems.row' | transloco }}</th>
          <th scope="col" nzWidth="220px">{{ 'imports.problems.column' | transloco }}</th>
          <th scope="col">{{ 'imports.problems.message' | transloco }}</th>
        </tr>
      </thead>
      <tbody>
        @for (line of table.data; track line.index) {
          <tr data-testid="import-problem">
            <td>{{ line.row ?? '—' }}</td>
            <td>
              @if (line.column) {
                {{ line.column }}
                @if (line.key && line.key !== line.column) {
                  <code class="key">{{ line.key }}</code>
                }
              } @else {
                —
              }
            </td>
            <td>{{ line.message }}</td>
          </tr>
        }
      </tbody>
    </nz-table>
    <ng-template #total let-total>{{
      'imports.problems.total' | transloco: { count: total }
    }}</ng-template>
  `,
  styles: `
    .key {
      margin-left: 6px;
      color: var(--lz-text-secondary);
      font-size: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportProblemsComponent {
  private readonly languages = inject(LanguageService);

  readonly kind = input.required<ImportKind>();
  readonly problems = input.required<readonly ImportProblem[]>();

  protected readonly lines = computed<ProblemLine[]>(() => {
    const language = this.languages.language();
    const columns = IMPORT_COLUMNS[this.kind()];
    return this.problems().map((problem, index) => {
      const column = columns.find((c) => c.key === problem.column);
      return {
        index,
        row: problem.row,
        column: column ? column.label[language] : problem.column,
        key: column ? column.key : null,
        message: problem.message,
      };
    });
  });
}
