import { ParseUUIDPipe } from '@nestjs/common';
import { NotFoundError } from '../errors/domain-error';

/** An id parameter: a malformed one names nothing, so it is a 404 like any row out of scope. */
export const uuidParam = (): ParseUUIDPipe =>
  new ParseUUIDPipe({ exceptionFactory: () => new NotFoundError() });
