import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import { By } from '@angular/platform-browser';
import type { OrganisationDto, RegionDto } from '@lianzhang/contracts';
import { provideTranslocoScope } from '@jsverse/transloco';
import { LanguageService } from '../../i18n/language.service';
import { testProviders } from '../../testing';
import { ReferenceStore } from '../reference.store';
import { OrganisationFormComponent } from './organisation-form.component';

const REGIONS: RegionDto[] = [
  { code: '370000', nameZh: '山东省', nameEn: 'Shandong', level: 'province', parentCode: null },
  { code: '370100', nameZh: '济南市', nameEn: 'Jinan', level: 'city', parentCode: '370000' },
];

async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  fixture.detectChanges();
  await fixture.whenStable();
  fixture.detectChanges();
}

describe('OrganisationFormComponent', () => {
  let fixture: ComponentFixture<OrganisationFormComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;
  let saved: OrganisationDto[];

  const item = (selector: string) =>
    element.querySelector(selector)?.closest('nz-form-item')?.textContent ?? '';
  const type = (selector: string, value: string) => {
    const input = element.querySelector<HTMLInputElement>(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };
  const choose = async (id: string, value: string) => {
    fixture.debugElement
      .query(By.css(`nz-select[nzId="${id}"]`))
      .triggerEventHandler('ngModelChange', value);
    await settle(fixture);
  };
  const submit = async () => {
    element.querySelector<HTMLButtonElement>('[data-testid="organisation-save"]')?.click();
    await settle(fixture);
  };

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [...testProviders(), provideTranslocoScope('admin'), ReferenceStore],
    });
    await TestBed.inject(LanguageService).init();
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(OrganisationFormComponent);
    saved = [];
    fixture.componentInstance.saved.subscribe((o) => saved.push(o));
    element = fixture.nativeElement;
    await settle(fixture);
    http.expectOne('/api/regions').flush(REGIONS);
    await settle(fixture);
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  it('checks the credit code’s check character when the field is left', async () => {
    type('#organisation-credit-code', '91350100M000100Y44');
    element.querySelector('#organisation-credit-code')?.dispatchEvent(new Event('blur'));
    await settle(fixture);
    expect(item('#organisation-credit-code')).toContain('统一社会信用代码校验位不正确');

    type('#organisation-credit-code', '91350100m000100y43');
    await settle(fixture);
    expect(item('#organisation-credit-code')).not.toContain('校验位不正确');
  });

  it('asks an enterprise for its credit code, then sends it normalised', async () => {
    type('#organisation-name', '济南新材料有限公司');
    await choose('organisation-kind', 'enterprise');
    await choose('organisation-region', '370100');
    await submit();
    expect(item('#organisation-credit-code')).toContain('企业必须填写统一社会信用代码');
    http.expectNone('/api/organisations');

    type('#organisation-credit-code', ' 91350100m000100y43 ');
    await submit();
    const post = http.expectOne({ method: 'POST', url: '/api/organisations' });
    expect(post.request.body).toEqual({
      name: '济南新材料有限公司',
      kind: 'enterprise',
      creditCode: '91350100M000100Y43',
      regionCode: '370100',
    });
    post.flush(
      {
        code: 'CONFLICT',
        message: '该内容已被他人修改',
        details: [{ path: 'creditCode', message: '该统一社会信用代码已登记' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(item('#organisation-credit-code')).toContain('该统一社会信用代码已登记');
    expect(saved).toEqual([]);
  });
});
