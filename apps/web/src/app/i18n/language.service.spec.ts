import { TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { NzI18nService } from 'ng-zorro-antd/i18n';
import { testProviders } from '../testing';
import { LanguageService } from './language.service';

describe('LanguageService', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: testProviders() });
  });

  it('starts in Chinese when nothing is remembered', async () => {
    const service = TestBed.inject(LanguageService);
    await service.init();
    expect(service.language()).toBe('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
    expect(TestBed.inject(TranslocoService).translate('nav.home')).toBe('首页');
  });

  it('switches texts, ng-zorro locale and <html lang> together, and remembers the choice', async () => {
    const service = TestBed.inject(LanguageService);
    await service.init();
    await service.use('en');
    expect(service.language()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(TestBed.inject(TranslocoService).translate('nav.home')).toBe('Home');
    expect(TestBed.inject(NzI18nService).getLocale().locale).toBe('en');
    expect(localStorage.getItem('lz.language')).toBe('en');
    expect(document.title).toBe('Industry Chain Leader Platform');
  });

  it('restores a remembered language and ignores a bogus one', async () => {
    localStorage.setItem('lz.language', 'en');
    await TestBed.inject(LanguageService).init();
    expect(TestBed.inject(LanguageService).language()).toBe('en');

    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: testProviders() });
    localStorage.setItem('lz.language', 'fr');
    await TestBed.inject(LanguageService).init();
    expect(TestBed.inject(LanguageService).language()).toBe('zh-CN');
  });
});
