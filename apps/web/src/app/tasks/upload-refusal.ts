import { apiError, httpStatus } from '../forms/field-errors';

/** Why the api refused an upload: its field message (type), 413 (size), or its message. */
export function uploadRefusal(
  error: unknown,
  texts: { readonly tooLarge: string; readonly failed: string },
): string {
  const body = apiError(error);
  if (body?.details[0]) return body.details[0].message;
  if (httpStatus(error) === 413) return body?.message || texts.tooLarge;
  return body?.message || texts.failed;
}
