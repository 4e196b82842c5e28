import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  model,
  signal,
  type OnInit,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import type { OrganisationDto } from '@lianzhang/contracts';
import { ORGANISATION_KIND_LABELS } from '@lianzhang/domain';
import { TranslocoPipe } from '@jsverse/transloco';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { LanguageService } from '../i18n/language.service';
import { AdminClient } from './admin.client';
import { ReferenceStore } from './reference.store';

/** Picks an organisation by name, searched on the api (there may be thousands). */
@Component({
  selector: 'lz-organisation-select',
  imports: [FormsModule, NzSelectModule, TranslocoPipe],
  template: `
    <nz-select
      nzShowSearch
      nzServerSearch
      [nzId]="inputId()"
      [nzLoading]="searching()"
      [nzPlaceHolder]="'admin.organisations.search' | transloco"
      [nzNotFoundContent]="'state.empty' | transloco"
      [nzStatus]="invalid() ? 'error' : ''"
      [ngModel]="value()"
      (ngModelChange)="value.set($event)"
      (nzOnSearch)="search($event)"
      data-testid="organisation-select"
    >
      @for (organisation of options(); track organisation.id) {
        <nz-option [nzValue]="organisation.id" [nzLabel]="optionLabel(organisation)" />
      }
    </nz-select>
  `,
  styles: `
    nz-select {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationSelectComponent implements OnInit {
  private readonly client = inject(AdminClient);
  private readonly reference = inject(ReferenceStore);
  private readonly languages = inject(LanguageService);
  private sequence = 0;

  readonly value = model<string | null>(null);
  readonly inputId = input.required<string>();
  readonly invalid = input(false);

  protected readonly searching = signal(false);
  private readonly found = signal<readonly OrganisationDto[]>([]);
  /** The search's answers, and the chosen one even when the search does not list it. */
  protected readonly options = computed(() => {
    const chosen = this.reference.organisation(this.value());
    const found = this.found();
    return chosen && !found.some((o) => o.id === chosen.id) ? [chosen, ...found] : found;
  });

  async ngOnInit(): Promise<void> {
    await this.search('');
    // The chosen organisation by id when the first page of the search does not have it.
    const id = this.value();
    if (id && !this.reference.organisation(id)) await this.reference.ensureOrganisations([id]);
  }

  protected async search(q: string): Promise<void> {
    const mine = ++this.sequence;
    this.searching.set(true);
    try {
      const page = await this.client.organisations({ pageSize: 20, q: q.trim() || null });
      if (mine !== this.sequence) return;
      this.reference.remember(page.items);
      this.found.set(page.items);
    } catch {
      if (mine === this.sequence) this.found.set([]);
    } finally {
      if (mine === this.sequence) this.searching.set(false);
    }
  }

  protected optionLabel(organisation: OrganisationDto): string {
    return `${organisation.name} · ${ORGANISATION_KIND_LABELS[organisation.kind][this.languages.language()]}`;
  }
}
