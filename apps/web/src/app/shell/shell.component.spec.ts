import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { testProviders } from '../testing';
import { LanguageService } from '../i18n/language.service';
import { ShellComponent } from './shell.component';

describe('ShellComponent', () => {
  let fixture: ComponentFixture<ShellComponent>;
  let element: HTMLElement;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [ShellComponent], providers: testProviders() });
    await TestBed.inject(LanguageService).init();
    fixture = TestBed.createComponent(ShellComponent);
    fixture.detectChanges();
    element = fixture.nativeElement;
  });

  afterEach(() => fixture.destroy());

  it('shows the title and navigation in Chinese, then in English after the switch', async () => {
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('链长制产业链协同督办平台');
    expect(element.querySelector('nav')?.textContent).toContain('首页');

    const english = [
      ...element.querySelectorAll<HTMLElement>('[data-testid="language-switch"] label'),
    ].find((item) => item.textContent?.trim() === 'EN');
    expect(english).toBeDefined();
    english?.click();
    await TestBed.inject(LanguageService).use('en');
    fixture.detectChanges();

    expect(TestBed.inject(LanguageService).language()).toBe('en');
    expect(element.querySelector('h1')?.textContent?.trim()).toBe('Industry Chain Leader Platform');
    expect(element.querySelector('nav')?.textContent).toContain('Home');
    expect(element.querySelector('nav')?.textContent).not.toContain('首页');
  });

  it('collapses and expands the navigation', async () => {
    // nz-sider applies its breakpoint on the next tick (jsdom has no wide screen): let it settle.
    await new Promise((settled) => setTimeout(settled));
    fixture.detectChanges();
    const trigger = element.querySelector('button.trigger') as HTMLButtonElement;
    const labels = ['收起菜单', '展开菜单'];
    const first = trigger.getAttribute('aria-label') as string;
    expect(labels).toContain(first);
    const brandShown = () => element.querySelector('.brand-name') !== null;
    expect(brandShown()).toBe(first === '收起菜单');

    trigger.click();
    fixture.detectChanges();
    expect(trigger.getAttribute('aria-label')).toBe(labels.find((label) => label !== first));
    expect(brandShown()).toBe(first !== '收起菜单');

    trigger.click();
    fixture.detectChanges();
    expect(trigger.getAttribute('aria-label')).toBe(first);
  });
});
