import { Injectable } from '@nestjs/common';
import { createOrganisationSchema, type CreateOrganisationRequest } from '@lianzhang/contracts';
import { ORGANISATION_KIND_ALIASES, ORGANISATION_KIND_LABELS } from '@lianzhang/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { FirstSeen, type ImportContext } from '../import-context';
import { IMPORT_MESSAGES } from '../import-errors';
import type { RowReader } from '../row-reader';
import type { Importer, PreparedImport } from './importer';

const FIELDS = { name: 'name', kind: 'kind', creditCode: 'creditCode', regionCode: 'regionCode' };

/** 单位名录: through `createOrganisationSchema`; credit codes unique in the file and the database. */
@Injectable()
export class OrganisationsImporter implements Importer {
  readonly kind = 'organisations' as const;

  async prepare(rows: readonly RowReader[], context: ImportContext): Promise<PreparedImport> {
    const valid: { reader: RowReader; request: CreateOrganisationRequest }[] = [];
    for (const reader of rows) {
      const regionText = reader.text('regionCode');
      const regionCode =
        regionText === undefined
          ? undefined
          : ((await context.region(regionText)) ??
            reader.fail('regionCode', IMPORT_MESSAGES.unknownRegion));
      const request = reader.check(
        createOrganisationSchema,
        {
          name: reader.text('name'),
          kind: reader.choice('kind', ORGANISATION_KIND_LABELS, ORGANISATION_KIND_ALIASES),
          creditCode: reader.creditCode('creditCode'),
          regionCode,
        },
        FIELDS,
      );
      if (request) valid.push({ reader, request });
    }

    const codes = await context.organisationsByCreditCode(
      valid.flatMap((v) => (v.request.creditCode ? [v.request.creditCode] : [])),
    );
    const namesWithoutCode = await context.organisationsByName(
      valid.flatMap((v) => (v.request.creditCode ? [] : [v.request.name])),
    );
    const seen = new FirstSeen();
    for (const { reader, request } of valid) {
      const column = request.creditCode ? 'creditCode' : 'name';
      const key = request.creditCode
        ? `code:${request.creditCode}`
        : `name:${request.kind}:${request.name}`;
      const first = seen.claim(key, reader.row);
      if (first !== undefined) reader.fail(column, IMPORT_MESSAGES.duplicateInFile(first));
      else if (request.creditCode && codes.has(request.creditCode))
        reader.fail(column, IMPORT_MESSAGES.creditCodeTaken);
      else if (
        !request.creditCode &&
        (namesWithoutCode.get(request.name) ?? []).some(
          (o) => o.kind === request.kind && o.creditCode === null,
        )
      )
        reader.fail(column, IMPORT_MESSAGES.nameTaken);
    }

    return {
      write: async (manager: EntityManager) => {
        const ids = valid.map(() => randomUUID());
        await manager.query(
          `INSERT INTO organisation (id, name, kind, credit_code, region_code)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[])`,
          [
            ids,
            valid.map((v) => v.request.name),
            valid.map((v) => v.request.kind),
            valid.map((v) => v.request.creditCode ?? null),
            valid.map((v) => v.request.regionCode),
          ],
        );
        return ids;
      },
    };
  }
}
