import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { provideTranslocoScope, TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../../i18n/language.service';
import { must, testProviders } from '../../testing';
import { ActualFormComponent } from './actual-form.component';

const CHAIN = '11111111-1111-4111-8111-111111111111';

interface FormModel {
  year: number | null;
  value: number | null;
  source: string;
}

describe('ActualFormComponent', () => {
  let fixture: ComponentFixture<ActualFormComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;
  let model: FormModel;
  let saved: number[];
  let removed: number[];

  async function create(target: unknown, actuals: unknown[] = []): Promise<void> {
    fixture = TestBed.createComponent(ActualFormComponent);
    fixture.componentRef.setInput('target', target);
    fixture.componentRef.setInput('unit', '%');
    fixture.componentRef.setInput('actuals', actuals);
    element = fixture.nativeElement;
    model = fixture.componentInstance as unknown as FormModel;
    saved = [];
    removed = [];
    fixture.componentInstance.saved.subscribe((year) => saved.push(year));
    fixture.componentInstance.removed.subscribe((year) => removed.push(year));
    fixture.detectChanges();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [ActualFormComponent],
      providers: [...testProviders(), provideTranslocoScope('insights')],
    });
    await TestBed.inject(LanguageService).init();
    await firstValueFrom(TestBed.inject(TranslocoService).load('insights/zh-CN'));
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  async function settle(): Promise<void> {
    await new Promise((done) => setTimeout(done));
    fixture.detectChanges();
    await fixture.whenStable();
    fixture.detectChanges();
  }

  const fieldText = (field: string) =>
    element.querySelector(`[data-testid="field-${field}"]`)?.textContent ?? '';

  async function submit(): Promise<void> {
    must(element.querySelector<HTMLButtonElement>('[data-testid="actual-submit"]')).click();
    await settle();
  }

  it('labels its fields, the value with its unit', async () => {
    await create({ kind: 'indicator', code: 'manufacturing_value_added_share' });
    const label = (text: string) =>
      [...element.querySelectorAll('label')].find((l) => l.textContent?.trim() === text);
    expect(label('年份')?.getAttribute('for')).toBe('actual-year');
    expect(label('实际值（%）')?.getAttribute('for')).toBe('actual-value');
    expect(label('数据来源')?.getAttribute('for')).toBe('actual-source');
  });

  it('shows the shared schema’s complaints beside each field and sends nothing', async () => {
    await create({ kind: 'indicator', code: 'manufacturing_value_added_share' });
    model.year = 2035;
    model.value = null;
    model.source = '   ';
    await submit();
    expect(fieldText('year')).toContain('不能大于 2030');
    expect(fieldText('value')).toContain('请填写此项');
    expect(fieldText('source')).toContain('不能为空');
    http.expectNone(() => true);
    expect(saved).toEqual([]);
  });

  it('puts a valid actual to the indicator’s year and says it is saved', async () => {
    await create({ kind: 'indicator', code: 'manufacturing_value_added_share' });
    model.year = 2024;
    model.value = 27.6;
    model.source = ' 2024 年统计公报 ';
    await submit();
    const put = http.expectOne('/api/indicators/manufacturing_value_added_share/actuals/2024');
    expect(put.request.method).toBe('PUT');
    // Trimmed by the shared schema before it leaves.
    expect(put.request.body).toEqual({ value: 27.6, source: '2024 年统计公报' });
    put.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(saved).toEqual([2024]);
  });

  it('shows the api’s field errors beside their fields, for a chain’s output', async () => {
    await create({ kind: 'chain', chainId: CHAIN });
    model.year = 2024;
    model.value = 280;
    model.source = '省工信厅';
    await submit();
    const put = http.expectOne(`/api/chains/${CHAIN}/output-actuals/2024`);
    put.flush(
      {
        code: 'VALIDATION_FAILED',
        message: '提交的数据有误',
        details: [{ path: 'value', message: '该产业链没有数值目标，无法录入实际值' }],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(fieldText('value')).toContain('该产业链没有数值目标');
    expect(fieldText('source')).not.toContain('该产业链');
    expect(element.querySelector('[data-testid="actual-form-error"]')).toBeNull();
    expect(saved).toEqual([]);
  });

  it('says so when the api fails without field errors', async () => {
    await create({ kind: 'indicator', code: 'x' });
    model.year = 2024;
    model.value = 1;
    model.source = 'x';
    await submit();
    http
      .expectOne('/api/indicators/x/actuals/2024')
      .flush(
        { code: 'NOT_FOUND', message: '没有找到', details: [] },
        { status: 404, statusText: 'Not Found' },
      );
    await settle();
    expect(element.querySelector('[data-testid="actual-form-error"]')?.textContent).toContain(
      '没有找到',
    );
  });

  it('lists the years entered and removes one', async () => {
    await create({ kind: 'indicator', code: 'manufacturing_value_added_share' }, [
      {
        year: 2023,
        value: 27.4,
        source: '公报',
        enteredByName: 'admin',
        enteredAt: '2026-01-01T00:00:00Z',
      },
    ]);
    expect(element.querySelector('[data-testid="actual-entries"]')?.textContent).toContain('2023');
    const removing = fixture.componentInstance.remove(2023);
    const call = http.expectOne('/api/indicators/manufacturing_value_added_share/actuals/2023');
    expect(call.request.method).toBe('DELETE');
    call.flush(null, { status: 204, statusText: 'No Content' });
    await removing;
    expect(removed).toEqual([2023]);
  });
});
