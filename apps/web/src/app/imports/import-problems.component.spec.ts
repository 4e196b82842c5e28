import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { provideTranslocoScope } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { testProviders } from '../testing';
import { ImportProblemsComponent } from './import-problems.component';
import type { ImportProblem } from './imports.store';

const PROBLEMS: ImportProblem[] = [
  { row: 4, column: 'title', message: '必填' },
  { row: 5, column: 'assigneeCreditCode', message: '统一社会信用代码校验位不正确' },
  { row: 3, column: '备注', message: '无法识别这一列，请使用下载的模板' },
  { row: null, column: null, message: '共 1,203 处错误，只列出前 1,000 处' },
];

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
}

describe('ImportProblemsComponent', () => {
  let fixture: ComponentFixture<ImportProblemsComponent>;
  let element: HTMLElement;

  const rows = () =>
    [...element.querySelectorAll('[data-testid="import-problem"]')].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent?.replace(/\s+/g, ' ').trim()),
    );

  const headers = () => [...element.querySelectorAll('th')].map((cell) => cell.textContent?.trim());

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [...testProviders(), provideTranslocoScope('imports')],
    });
    await TestBed.inject(LanguageService).init();
    fixture = TestBed.createComponent(ImportProblemsComponent);
    fixture.componentRef.setInput('kind', 'tasks');
    fixture.componentRef.setInput('problems', PROBLEMS);
    element = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => fixture.destroy());

  it('shows each problem at its row, with the column named as the template names it', () => {
    expect(headers()).toEqual(['行', '列', '问题']);
    expect(rows()).toEqual([
      ['4', '任务名称 title', '必填'],
      ['5', '承办单位信用代码 assigneeCreditCode', '统一社会信用代码校验位不正确'],
      ['3', '备注', '无法识别这一列，请使用下载的模板'],
      ['—', '—', '共 1,203 处错误，只列出前 1,000 处'],
    ]);
  });

  it('names the columns in English when the interface is in English', async () => {
    await TestBed.inject(LanguageService).use('en');
    await settle(fixture);
    expect(headers()).toEqual(['Row', 'Column', 'Problem']);
    expect(rows()[0]).toEqual(['4', 'Title title', '必填']);
  });

  it('pages a long list, twenty to a page, with the total', async () => {
    fixture.componentRef.setInput(
      'problems',
      Array.from({ length: 45 }, (_, i) => ({ row: i + 4, column: 'title', message: '必填' })),
    );
    await settle(fixture);
    expect(rows()).toHaveLength(20);
    expect(element.textContent).toContain('共 45 处');
  });
});
