import { Injectable } from '@nestjs/common';
import {
  createProjectSchema,
  updateProjectSchema,
  type CreateProjectRequest,
} from '@lianzhang/contracts';
import {
  PROJECT_STAGE_ALIASES,
  PROJECT_STAGE_LABELS,
  PROJECT_TYPE_ALIASES,
  PROJECT_TYPE_LABELS,
  type ProjectStage,
} from '@lianzhang/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { z } from 'zod';
import { FirstSeen, type ImportContext } from '../import-context';
import { IMPORT_MESSAGES } from '../import-errors';
import type { RowReader } from '../row-reader';
import {
  chainOf,
  chainsOf,
  creditCodesIn,
  SOME_ID,
  textOf,
  type Importer,
  type PreparedImport,
} from './importer';

const FIELDS = {
  name: 'name',
  type: 'type',
  regionCode: 'regionCode',
  ownerOrganisationId: 'ownerCreditCode',
  plannedInvestment: 'plannedInvestment',
  startDate: 'startDate',
  endDate: 'endDate',
};
/** The column type of investments, numeric(14, 2), holds amounts below this (万元). */
const MAX_AMOUNT = 1e12;
/** What a project may have reached, checked as an update of it would be. */
const progressSchema = z
  .object({ completedInvestment: updateProjectSchema.shape.completedInvestment })
  .strict();

interface Project {
  readonly reader: RowReader;
  readonly id: string;
  readonly chainId: string;
  readonly request: CreateProjectRequest;
  readonly completedInvestment: number;
  readonly stage: ProjectStage;
}

/**
 * 重点项目: `createProjectSchema` (planned investment in 万元 above 0, end not before
 * start), unique by name within their chain, the owner by credit code, and how far the
 * project has come (stage, completed investment).
 */
@Injectable()
export class ProjectsImporter implements Importer {
  readonly kind = 'projects' as const;

  async prepare(rows: readonly RowReader[], context: ImportContext): Promise<PreparedImport> {
    const chains = await chainsOf(rows, context);
    const organisations = await context.organisationsByCreditCode(
      creditCodesIn(rows, 'ownerCreditCode'),
    );

    const projects: Project[] = [];
    for (const reader of rows) {
      const chainId = chainOf(reader, chains);
      const regionText = reader.text('regionCode');
      const regionCode =
        regionText === undefined
          ? undefined
          : ((await context.region(regionText)) ??
            reader.fail('regionCode', IMPORT_MESSAGES.unknownRegion));
      const ownerCode = reader.creditCode('ownerCreditCode');
      const owner = ownerCode === undefined ? undefined : organisations.get(ownerCode);
      if (ownerCode !== undefined && !owner)
        reader.fail('ownerCreditCode', IMPORT_MESSAGES.unknownCreditCode(ownerCode));
      const request = reader.check(
        createProjectSchema,
        {
          name: textOf(reader, 'name'),
          type: reader.choice('type', PROJECT_TYPE_LABELS, PROJECT_TYPE_ALIASES),
          regionCode,
          ownerOrganisationId: owner?.id ?? (ownerCode === undefined ? undefined : SOME_ID),
          plannedInvestment: reader.decimal('plannedInvestment'),
          startDate: reader.date('startDate'),
          endDate: reader.date('endDate'),
        },
        FIELDS,
      );
      const progress = reader.check(
        progressSchema,
        { completedInvestment: reader.decimal('completedInvestment') },
        { completedInvestment: 'completedInvestment' },
      );
      // numeric(14, 2) holds less than the contract's 1e12: say so instead of failing the insert.
      for (const key of ['plannedInvestment', 'completedInvestment'] as const) {
        const amount =
          key === 'plannedInvestment' ? request?.plannedInvestment : progress?.completedInvestment;
        if (amount !== undefined && amount >= MAX_AMOUNT)
          reader.fail(key, IMPORT_MESSAGES.amountTooLarge);
      }
      const stage = reader.choice('stage', PROJECT_STAGE_LABELS, PROJECT_STAGE_ALIASES) ?? 'signed';
      const failed = ['stage', 'plannedInvestment', 'completedInvestment'].some((k) =>
        reader.failed(k),
      );
      if (chainId && owner && request && progress && !failed) {
        projects.push({
          reader,
          id: randomUUID(),
          chainId,
          request,
          completedInvestment: progress.completedInvestment ?? 0,
          stage,
        });
      }
    }

    const taken = new Set(
      (
        (await context.manager.query(
          `SELECT chain_id || ':' || name AS key FROM project
           WHERE chain_id = ANY($1::uuid[]) AND name = ANY($2::text[])`,
          [
            [...new Set(projects.map((p) => p.chainId))],
            [...new Set(projects.map((p) => p.request.name))],
          ],
        )) as { key: string }[]
      ).map((r) => r.key),
    );
    const seen = new FirstSeen();
    for (const project of projects) {
      const key = `${project.chainId}:${project.request.name}`;
      const first = seen.claim(key, project.reader.row);
      if (first !== undefined) project.reader.fail('name', IMPORT_MESSAGES.duplicateInFile(first));
      else if (taken.has(key)) project.reader.fail('name', IMPORT_MESSAGES.projectTaken);
    }

    return {
      write: async (manager: EntityManager) => {
        await manager.query(
          `INSERT INTO project (id, chain_id, name, type, region_code, owner_organisation_id, planned_investment,
                                completed_investment, stage, start_date, end_date)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::numeric[],
                                $8::numeric[], $9::text[], $10::date[], $11::date[])`,
          [
            projects.map((p) => p.id),
            projects.map((p) => p.chainId),
            projects.map((p) => p.request.name),
            projects.map((p) => p.request.type),
            projects.map((p) => p.request.regionCode),
            projects.map((p) => p.request.ownerOrganisationId),
            projects.map((p) => p.request.plannedInvestment),
            projects.map((p) => p.completedInvestment),
            projects.map((p) => p.stage),
            projects.map((p) => p.request.startDate),
            projects.map((p) => p.request.endDate),
          ],
        );
        return projects.map((p) => p.id);
      },
    };
  }
}
