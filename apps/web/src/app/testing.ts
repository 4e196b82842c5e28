import '@angular/common/locales/global/zh';
import {
  provideZonelessChangeDetection,
  type EnvironmentProviders,
  type Provider,
} from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { provideRouter } from '@angular/router';
import { provideTransloco, type Translation, type TranslocoLoader } from '@jsverse/transloco';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { of } from 'rxjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The real translation files, so a test fails when a key is missing from them. */
export function translationFile(language: string): Translation {
  return JSON.parse(
    readFileSync(join(__dirname, '..', '..', 'public', 'i18n', `${language}.json`), 'utf8'),
  ) as Translation;
}

class FileLoader implements TranslocoLoader {
  getTranslation(language: string) {
    return of(translationFile(language));
  }
}

export function testProviders(): (Provider | EnvironmentProviders)[] {
  return [
    provideZonelessChangeDetection(),
    provideRouter([]),
    provideHttpClient(),
    provideHttpClientTesting(),
    provideNzI18n(zh_CN),
    provideTransloco({
      config: {
        availableLangs: ['zh-CN', 'en'],
        defaultLang: 'zh-CN',
        fallbackLang: 'zh-CN',
        reRenderOnLangChange: true,
        prodMode: true,
        missingHandler: { logMissingKey: false },
      },
      loader: FileLoader,
    }),
  ];
}

/** The value, or a loud failure naming what was missing (tests never use `!`). */
export function must<T>(value: T | null | undefined, what = 'value'): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
