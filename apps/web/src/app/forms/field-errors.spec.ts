import { HttpErrorResponse } from '@angular/common/http';
import { VALIDATION_MESSAGES } from '@lianzhang/contracts';
import { z } from 'zod';
import {
  apiError,
  apiFieldErrors,
  httpStatus,
  issueMessage,
  schemaFieldErrors,
} from './field-errors';

/** The field errors of `value` against `schema`, in both languages. */
function both(
  schema: z.ZodType,
  value: unknown,
): { zh: Record<string, string>; en: Record<string, string> } {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected the value to fail');
  return {
    zh: { ...schemaFieldErrors(parsed.error.issues, 'zh-CN') },
    en: { ...schemaFieldErrors(parsed.error.issues, 'en') },
  };
}

describe('field errors', () => {
  it('words a contract message key as the contracts do, in both languages', () => {
    const schema = z.object({ title: z.string().trim().min(1, 'text.blank') });
    const { zh, en } = both(schema, { title: '   ' });
    expect(zh).toEqual({ title: VALIDATION_MESSAGES['text.blank']['zh-CN'] });
    expect(en).toEqual({ title: VALIDATION_MESSAGES['text.blank'].en });
    expect(zh['title']).toBe('不能为空');
  });

  it('words too_small and too_big for numbers', () => {
    const schema = z.object({
      low: z.number().min(1),
      high: z.number().max(30),
      above: z.number().gt(0),
    });
    const { zh, en } = both(schema, { low: 0, high: 31, above: 0 });
    expect(zh).toEqual({ low: '不能小于 1', high: '不能大于 30', above: '应大于 0' });
    expect(en).toEqual({
      low: 'Must be at least 1',
      high: 'Must be at most 30',
      above: 'Must be greater than 0',
    });
  });

  it('words too_small and too_big for strings', () => {
    const schema = z.object({
      empty: z.string().min(1),
      short: z.string().min(6),
      long: z.string().max(5),
    });
    const { zh, en } = both(schema, { empty: '', short: 'abc', long: '一二三四五六' });
    expect(zh).toEqual({
      empty: VALIDATION_MESSAGES['text.blank']['zh-CN'],
      short: '不能少于 6 个字',
      long: '不能超过 5 个字',
    });
    expect(en).toEqual({
      empty: VALIDATION_MESSAGES['text.blank'].en,
      short: 'At least 6 characters',
      long: 'At most 5 characters',
    });
  });

  it('words too_small and too_big for arrays', () => {
    const schema = z.object({ few: z.array(z.string()).min(1), many: z.array(z.string()).max(2) });
    const { zh, en } = both(schema, { few: [], many: ['a', 'b', 'c'] });
    expect(zh).toEqual({ few: '至少选择 1 项', many: '最多选择 2 项' });
    expect(en).toEqual({ few: 'Choose at least 1', many: 'Choose at most 2' });
  });

  it('words invalid_value, invalid_format, invalid_type and whole numbers', () => {
    const schema = z.object({
      kind: z.enum(['a', 'b']),
      owner: z.uuid(),
      email: z.email(),
      day: z.iso.date(),
      name: z.string(),
      count: z.number().int(),
    });
    const { zh, en } = both(schema, {
      kind: 'c',
      owner: '',
      email: 'x',
      day: '2024/1/1',
      count: 1.5,
    });
    expect(zh).toEqual({
      kind: '请选择',
      owner: '请选择',
      email: '请输入有效的电子邮箱',
      day: '格式不正确',
      name: '请填写此项',
      count: '应为整数',
    });
    expect(en).toEqual({
      kind: 'Please choose',
      owner: 'Please choose',
      email: 'Enter a valid email address',
      day: 'Invalid value',
      name: 'Please fill this in',
      count: 'Must be a whole number',
    });
  });

  it('keeps the first problem of each field and joins nested paths with dots', () => {
    const schema = z.object({
      steps: z.array(z.object({ offsetWorkdays: z.number().min(0).max(60) })),
      title: z.string().min(1, 'text.blank').max(2),
    });
    const parsed = schema.safeParse({
      steps: [{ offsetWorkdays: 1 }, { offsetWorkdays: -1 }],
      title: '',
    });
    const issues = parsed.error?.issues ?? [];
    expect(schemaFieldErrors(issues, 'zh-CN')).toEqual({
      'steps.1.offsetWorkdays': '不能小于 0',
      title: '不能为空',
    });
    expect(issues.map((issue) => issueMessage(issue, 'en'))[0]).toBe('Must be at least 0');
  });

  it('maps ApiError.details paths to a field map, the first message of each', () => {
    const body = new HttpErrorResponse({
      status: 422,
      error: {
        code: 'VALIDATION',
        message: '提交的内容有误',
        details: [
          { path: 'steps.2.offsetWorkdays', message: '不能大于 60' },
          { path: 'steps.2.offsetWorkdays', message: '第二条' },
          { path: 'title', message: '不能为空' },
        ],
      },
    });
    const error = apiError(body);
    expect(error?.code).toBe('VALIDATION');
    expect(apiFieldErrors(error?.details)).toEqual({
      'steps.2.offsetWorkdays': '不能大于 60',
      title: '不能为空',
    });
    expect(httpStatus(body)).toBe(422);
  });

  it('takes a prefix off the api paths', () => {
    expect(
      apiFieldErrors(
        [
          { path: 'policy.steps.2.offsetWorkdays', message: '不能大于 60' },
          { path: 'version', message: '已被他人修改' },
        ],
        'policy.',
      ),
    ).toEqual({ 'steps.2.offsetWorkdays': '不能大于 60', version: '已被他人修改' });
    expect(apiFieldErrors(undefined)).toEqual({});
  });

  it('finds no api body in failures that are not answers of the api', () => {
    expect(apiError(new Error('offline'))).toBeNull();
    expect(apiError(new HttpErrorResponse({ status: 0, error: null }))).toBeNull();
    expect(httpStatus(new Error('offline'))).toBe(0);
  });
});
