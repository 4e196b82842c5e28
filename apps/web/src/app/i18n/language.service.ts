import { DOCUMENT, Injectable, inject, signal } from '@angular/core';
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '@lianzhang/contracts';
import { Title } from '@angular/platform-browser';
import { TranslocoService } from '@jsverse/transloco';
import { en_US, NzI18nService, zh_CN } from 'ng-zorro-antd/i18n';
import { firstValueFrom } from 'rxjs';

const STORAGE_KEY = 'lz.language';

/**
 * The language of the interface: zh-CN unless the user chose English. Switches the
 * Transloco texts, ng-zorro's own texts (date pickers, pagination) and `<html lang>`
 * together, and remembers the choice.
 */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly nzI18n = inject(NzI18nService);
  private readonly document = inject(DOCUMENT);
  private readonly title = inject(Title);
  private readonly current = signal<Language>(DEFAULT_LANGUAGE);

  readonly language = this.current.asReadonly();
  readonly languages = LANGUAGES;

  /** Loads the remembered language before the first render. */
  init(): Promise<void> {
    return this.use(this.remembered());
  }

  async use(language: Language): Promise<void> {
    await firstValueFrom(this.transloco.load(language));
    this.transloco.setActiveLang(language);
    this.nzI18n.setLocale(language === 'en' ? en_US : zh_CN);
    this.document.documentElement.lang = language;
    this.title.setTitle(this.transloco.translate('app.title'));
    this.current.set(language);
    try {
      localStorage.setItem(STORAGE_KEY, language);
    } catch {
      // storage may be disabled; the choice then lasts for this page only
    }
  }

  private remembered(): Language {
    try {
      const stored = localStorage.getItem(STORAGE_KEY);
      return (LANGUAGES as readonly string[]).includes(stored ?? '')
        ? (stored as Language)
        : DEFAULT_LANGUAGE;
    } catch {
      return DEFAULT_LANGUAGE;
    }
  }
}
