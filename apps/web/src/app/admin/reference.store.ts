import { Injectable, computed, inject, signal } from '@angular/core';
import type { OrganisationDto, RegionDto } from '@lianzhang/contracts';
import { LanguageService } from '../i18n/language.service';
import { AdminClient } from './admin.client';

/**
 * Reference data the admin pages share: the regions (loaded once) and the names of the
 * organisations met so far (users and endpoints carry only an organisation id).
 */
@Injectable()
export class ReferenceStore {
  private readonly client = inject(AdminClient);
  private readonly languages = inject(LanguageService);
  private regionsLoad: Promise<void> | null = null;
  private readonly pending = new Set<string>();

  readonly regions = signal<readonly RegionDto[]>([]);
  readonly cities = computed(() => this.regions().filter((r) => r.level === 'city'));
  private readonly organisationsById = signal<ReadonlyMap<string, OrganisationDto>>(new Map());

  /** Loads the regions once; a failure is retried by the next call. */
  loadRegions(): Promise<void> {
    this.regionsLoad ??= this.client.regions().then(
      (regions) => this.regions.set(regions),
      () => {
        this.regionsLoad = null;
      },
    );
    return this.regionsLoad;
  }

  regionName(code: string | null): string {
    if (!code) return '';
    const region = this.regions().find((r) => r.code === code);
    if (!region) return code;
    return this.languages.language() === 'en' ? region.nameEn : region.nameZh;
  }

  organisation(id: string | null): OrganisationDto | undefined {
    return id ? this.organisationsById().get(id) : undefined;
  }

  /** Remembers organisations read elsewhere (a page of the list, a search). */
  remember(organisations: readonly OrganisationDto[]): void {
    if (organisations.length === 0) return;
    this.organisationsById.update((known) => {
      const next = new Map(known);
      for (const o of organisations) next.set(o.id, o);
      return next;
    });
  }

  /** Reads the organisations not known yet, one call each (a page shows at most 20). */
  async ensureOrganisations(ids: readonly string[]): Promise<void> {
    const missing = [...new Set(ids)].filter(
      (id) => !this.organisationsById().has(id) && !this.pending.has(id),
    );
    missing.forEach((id) => this.pending.add(id));
    const found = await Promise.all(
      missing.map((id) => this.client.organisation(id).catch(() => null)),
    );
    missing.forEach((id) => this.pending.delete(id));
    this.remember(found.filter((o): o is OrganisationDto => o !== null));
  }
}
