import {
  type ArgumentsHost,
  Catch,
  type ExceptionFilter,
  HttpException,
  Logger,
} from '@nestjs/common';
import {
  ERROR_CODES,
  ERROR_HTTP_STATUS,
  errorMessage,
  negotiateLanguage,
  type ApiError,
  type Bilingual,
  type ErrorCode,
} from '@lianzhang/contracts';
import type { Request, Response } from 'express';
import { DomainError, type LocalizedFieldError } from './domain-error';

const MALFORMED_BODY: Bilingual = {
  'zh-CN': '请求体不是有效的 JSON',
  en: 'The request body is not valid JSON',
};

/** The general code of each status (the first listed), for errors raised by Nest or Express. */
const STATUS_CODES: Readonly<Record<number, ErrorCode>> = ERROR_CODES.reduce<
  Record<number, ErrorCode>
>((map, code) => ({ [ERROR_HTTP_STATUS[code]]: code, ...map }), {});

/** Maps every error to the one JSON shape `{ code, message, details }`; never leaks a stack. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const language = negotiateLanguage(request.headers['accept-language']);
    const { code, details } = this.classify(exception);
    const status = ERROR_HTTP_STATUS[code];
    if (status >= 500) {
      this.logger.error(
        { err: exception, path: request.url },
        exception instanceof Error ? exception.message : 'unknown error',
      );
    }
    const body: ApiError = {
      code,
      message: errorMessage(code, language),
      details: details.map((d) => ({ path: d.path, message: d.message[language] })),
      requestId: request.id === undefined ? undefined : String(request.id),
    };
    if (!response.headersSent) {
      response.status(status).json(body);
    }
  }

  private classify(exception: unknown): {
    code: ErrorCode;
    details: readonly LocalizedFieldError[];
  } {
    if (exception instanceof DomainError) {
      return { code: exception.code, details: exception.details };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL' : 'VALIDATION_FAILED');
      // Body-parser failures (malformed JSON) arrive as 400 HttpExceptions.
      const details: LocalizedFieldError[] =
        code === 'VALIDATION_FAILED' ? [{ path: '(body)', message: MALFORMED_BODY }] : [];
      return { code, details };
    }
    const typed = exception as { type?: string; status?: number } | null;
    if (typed?.type === 'entity.too.large') return { code: 'PAYLOAD_TOO_LARGE', details: [] };
    if (typed?.type === 'entity.parse.failed') {
      return {
        code: 'VALIDATION_FAILED',
        details: [{ path: '(body)', message: MALFORMED_BODY }],
      };
    }
    return { code: 'INTERNAL', details: [] };
  }
}
