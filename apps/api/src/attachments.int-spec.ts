import type { ApiError, TaskDto } from '@lianzhang/contracts';
import { ApiHarness } from './testing/api-harness';

type Signed = Awaited<ReturnType<ApiHarness['signedIn']>>;

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(64, 7),
]);
const PDF = Buffer.from(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(128, 0)]);

describe('attachments: content-checked, size-limited, visible only to who may see their task', () => {
  let api: ApiHarness;
  let leader: Signed;
  let otherLeader: Signed;
  let analyst: Signed;
  let a: Signed;
  let b: Signed;
  let task: TaskDto;

  beforeAll(async () => {
    api = await ApiHarness.start('attachments');
    leader = await api.signedIn('chain_leader');
    otherLeader = await api.signedIn('chain_leader');
    analyst = await api.signedIn('province_analyst');
    a = await api.signedIn('enterprise_user');
    b = await api.signedIn('enterprise_user');
    const chainId = await api.chain({
      leaders: [{ userId: leader.id }],
      members: [{ organisationId: a.organisationId }],
    });
    await api.chain({
      leaders: [{ userId: otherLeader.id }],
      members: [{ organisationId: b.organisationId }],
    });
    const due = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    task = (
      await api.request<TaskDto>('POST', '/api/tasks', {
        token: leader.token,
        body: {
          chainId,
          title: '提交验收材料',
          assigneeOrganisationId: a.organisationId,
          dueDate: due,
          assign: true,
        },
      })
    ).body;
  });

  afterAll(async () => {
    await api?.stop();
  });

  const upload = async (who: Signed, bytes: Buffer | undefined, name: string, taskId = task.id) => {
    const form = new FormData();
    if (bytes) form.append('file', new Blob([new Uint8Array(bytes)]), name);
    const response = await fetch(`${api.base}/api/tasks/${taskId}/attachments`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${who.token}`, 'Accept-Language': 'zh-CN' },
      body: form,
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & ApiError,
    };
  };
  const download = (who: Signed, id: string) =>
    fetch(`${api.base}/api/attachments/${id}`, {
      headers: { Authorization: `Bearer ${who.token}` },
    });
  const rows = async () =>
    (await api.dataSource.query(`SELECT count(*)::int AS n FROM attachment`))[0].n as number;

  it('stores a PDF and an image under their content type, and gives the same bytes back', async () => {
    const pdf = await upload(a, PDF, '验收报告.pdf');
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({
      fileName: '验收报告.pdf',
      mime: 'application/pdf',
      size: PDF.length,
    });
    const png = await upload(leader, PNG, 'photo.PNG');
    expect(png.body).toMatchObject({ mime: 'image/png' });

    const response = await download(a, pdf.body['id'] as string);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('验收报告.pdf')}`,
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(PDF)).toBe(true);

    const listed = await api.request<{ fileName: string }[]>(
      'GET',
      `/api/tasks/${task.id}/attachments`,
      { token: leader.token },
    );
    expect(listed.body.map((f) => f.fileName)).toEqual(['验收报告.pdf', 'photo.PNG']);
  });

  it.each([
    ['a program renamed to .pdf', EXE, 'report.pdf'],
    ['an image named .pdf', PNG, 'scan.pdf'],
    ['a type that is not allowed', Buffer.from('plain text'), 'notes.txt'],
    ['a script', Buffer.from('<script>alert(1)</script>'), 'x.html'],
  ])('refuses %s with a field error and keeps nothing', async (_label, bytes, name) => {
    const before = await rows();
    const response = await upload(a, bytes, name);
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([
      { path: 'file', message: expect.stringContaining('只能上传') },
    ]);
    expect(await rows()).toBe(before);
  });

  it('refuses a request with no file, and a file over 10 MB with 413', async () => {
    const before = await rows();
    expect((await upload(a, undefined, '')).status).toBe(400);
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024, 1)]);
    const response = await upload(a, big, 'big.pdf');
    expect(response.status).toBe(413);
    expect(response.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await rows()).toBe(before);
  });

  it('hides attachments from another enterprise and from a leader of another chain: 404, nothing of them', async () => {
    const [{ id }] = await api.dataSource.query(
      `SELECT id FROM attachment ORDER BY created_at LIMIT 1`,
    );
    for (const outsider of [b, otherLeader]) {
      const response = await download(outsider, id);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('PDF');
      expect(
        (await api.request('GET', `/api/tasks/${task.id}/attachments`, { token: outsider.token }))
          .status,
      ).toBe(404);
      expect((await upload(outsider, PDF, 'planted.pdf')).status).toBe(404);
    }
    expect((await upload(analyst, PDF, 'observer.pdf')).status).toBe(403);
    expect((await download(analyst, id)).status).toBe(200);
  });
});
