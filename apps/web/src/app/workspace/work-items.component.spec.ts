import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { HttpTestingController } from '@angular/common/http/testing';
import type { ChainDto, ProjectDto, ShortBoardDto } from '@lianzhang/contracts';
import { provideTranslocoScope } from '@jsverse/transloco';
import { LanguageService } from '../i18n/language.service';
import { must, testProviders } from '../testing';
import { WorkItemsComponent } from './work-items.component';
import { WorkspaceStore } from './workspace.store';

const IC = '0c9e8d7f-6a5b-4c3d-8e1f-0a9b8c7d6e5f';
const SOFTWARE = '1d0f9e8a-7b6c-4d5e-9f2a-1b0c9d8e7f6a';
const BOARD = '4c5d6e7f-8a9b-4c0d-9e2f-3a4b5c6d7e8f';
const PROJECT = '6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c';

const chain = (id: string, nameZh: string) => ({ id, nameZh, nameEn: nameZh }) as ChainDto;

const board = {
  id: BOARD,
  chainId: IC,
  nodeId: null,
  title: '高端光刻胶',
  description: '',
  category: 'basic_material',
  chokepoint: true,
  foreignDependence: 0.9,
  status: 'tackling',
  progress: 35,
  startDate: '2025-01-01',
  targetDate: '2026-12-31',
  owners: [],
  pace: { colour: 'amber', elapsed: 0.6, ratio: 0.8 },
  version: 2,
} as ShortBoardDto;

const project = {
  id: PROJECT,
  chainId: SOFTWARE,
  name: '工业软件适配中心',
  type: 'fill',
  regionCode: '370100',
  ownerOrganisationId: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d',
  plannedInvestment: 50000,
  completedInvestment: 12000,
  stage: 'under_construction',
  startDate: '2025-06-01',
  endDate: '2027-06-01',
  milestones: [],
  pace: { colour: 'green', elapsed: 0.3, ratio: 1 },
  version: 1,
} as ProjectDto;

describe('WorkItemsComponent', () => {
  let fixture: ComponentFixture<WorkItemsComponent>;
  let element: HTMLElement;
  let http: HttpTestingController;

  async function settle(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      await fixture.whenStable();
      fixture.detectChanges();
    }
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [WorkItemsComponent],
      providers: [...testProviders(), provideTranslocoScope('workspace'), WorkspaceStore],
    });
    await TestBed.inject(LanguageService).init();
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(WorkItemsComponent);
    fixture.detectChanges();
    element = fixture.nativeElement;
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  it('asks each of the enterprise’s chains for what it owns, and reports on a short board', async () => {
    http
      .expectOne((r) => r.url === '/api/chains')
      .flush({
        items: [chain(IC, '集成电路'), chain(SOFTWARE, '工业软件')],
        total: 2,
        page: 1,
        pageSize: 100,
      });
    await settle();
    http.expectOne(`/api/chains/${IC}/short-boards`).flush([board]);
    http.expectOne(`/api/chains/${IC}/projects`).flush([]);
    http.expectOne(`/api/chains/${SOFTWARE}/short-boards`).flush([]);
    http.expectOne(`/api/chains/${SOFTWARE}/projects`).flush([project]);
    await settle();

    const boardRow = must(
      element.querySelector('[data-testid="workspace-short-board-row"]'),
      'short board row',
    );
    expect(boardRow.textContent).toContain('高端光刻胶');
    expect(boardRow.textContent).toContain('集成电路');
    expect(boardRow.textContent).toContain('卡脖子');
    const projectRow = must(
      element.querySelector('[data-testid="workspace-project-row"]'),
      'project row',
    );
    expect(projectRow.textContent).toContain('工业软件适配中心');
    expect(projectRow.textContent).toContain('工业软件');

    boardRow.querySelector<HTMLButtonElement>('[data-testid="report-toggle"]')?.click();
    await settle();
    http
      .expectOne((r) => r.url === '/api/reports' && r.params.get('subjectId') === BOARD)
      .flush({ items: [], total: 0, page: 1, pageSize: 100 });
    await settle();
    const narrative = must(
      boardRow.querySelector<HTMLTextAreaElement>('[data-testid="report-narrative"]'),
      'report narrative',
    );
    narrative.value = '完成配方验证';
    narrative.dispatchEvent(new Event('input'));
    boardRow.querySelector('[data-testid="report-form"]')?.dispatchEvent(new Event('submit'));
    await settle();
    const request = http.expectOne(`/api/short-boards/${BOARD}/reports`);
    expect(request.request.body).toEqual({ percent: 35, narrative: '完成配方验证' });
  });

  it('shows an error with a retry when the chains cannot be read', async () => {
    http.expectOne((r) => r.url === '/api/chains').error(new ProgressEvent('error'));
    await settle();
    const error = must(element.querySelector('[data-testid="work-items-error"]'), 'error');
    expect(error).not.toBeNull();
    error.querySelector<HTMLButtonElement>('button')?.click();
    await settle();
    http
      .expectOne((r) => r.url === '/api/chains')
      .flush({ items: [], total: 0, page: 1, pageSize: 100 });
    await settle();
    expect(element.textContent).toContain('本企业暂无负责攻关的短板');
  });
});
