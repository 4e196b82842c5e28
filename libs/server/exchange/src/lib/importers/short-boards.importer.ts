import { Injectable } from '@nestjs/common';
import { createShortBoardSchema, type CreateShortBoardRequest } from '@lianzhang/contracts';
import {
  SHORT_BOARD_CATEGORY_LABELS,
  SHORT_BOARD_STATUS_ALIASES,
  SHORT_BOARD_STATUS_LABELS,
  type ShortBoardStatus,
} from '@lianzhang/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
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
  title: 'title',
  description: 'description',
  category: 'category',
  nodeId: 'nodeName',
  chokepoint: 'chokepoint',
  foreignDependence: 'foreignDependence',
  startDate: 'startDate',
  targetDate: 'targetDate',
  ownerOrganisationIds: 'ownerCreditCodes',
};

interface Board {
  readonly reader: RowReader;
  readonly id: string;
  readonly chainId: string;
  readonly request: CreateShortBoardRequest;
  readonly status: ShortBoardStatus;
}

/**
 * 短板目录: gaps of a chain (`createShortBoardSchema`, with the start-before-target rule),
 * unique by title within their chain, with their owners by credit code, their map link
 * by name and the status they have reached.
 */
@Injectable()
export class ShortBoardsImporter implements Importer {
  readonly kind = 'short-boards' as const;

  async prepare(rows: readonly RowReader[], context: ImportContext): Promise<PreparedImport> {
    const chains = await chainsOf(rows, context);
    const organisations = await context.organisationsByCreditCode(
      creditCodesIn(rows, 'ownerCreditCodes'),
    );
    const nodes = new Map(
      (
        (await context.manager.query(
          `SELECT id, chain_id || ':' || name AS key FROM chain_node WHERE chain_id = ANY($1::uuid[])`,
          [[...new Set(chains.values())]],
        )) as { id: string; key: string }[]
      ).map((r) => [r.key, r.id]),
    );

    const boards: Board[] = [];
    for (const reader of rows) {
      const chainId = chainOf(reader, chains);
      const nodeName = textOf(reader, 'nodeName');
      const nodeId =
        nodeName === undefined || !chainId
          ? undefined
          : (nodes.get(`${chainId}:${nodeName}`) ??
            reader.fail('nodeName', IMPORT_MESSAGES.unknownNode));
      const owners: string[] = [];
      for (const code of reader.creditCodes('ownerCreditCodes') ?? []) {
        const organisation = organisations.get(code);
        if (organisation) owners.push(organisation.id);
        else reader.fail('ownerCreditCodes', IMPORT_MESSAGES.unknownCreditCode(code));
      }
      const request = reader.check(
        createShortBoardSchema,
        {
          title: textOf(reader, 'title'),
          description: reader.text('description'),
          category: reader.choice('category', SHORT_BOARD_CATEGORY_LABELS),
          nodeId: nodeId ?? (nodeName === undefined ? null : SOME_ID),
          chokepoint: reader.yesNo('chokepoint'),
          foreignDependence: reader.share('foreignDependence'),
          startDate: reader.date('startDate'),
          targetDate: reader.date('targetDate'),
          ownerOrganisationIds: owners,
        },
        FIELDS,
      );
      const status =
        reader.choice('status', SHORT_BOARD_STATUS_LABELS, SHORT_BOARD_STATUS_ALIASES) ??
        'identified';
      if (chainId && request && !reader.failed('status') && !reader.failed('nodeName')) {
        boards.push({ reader, id: randomUUID(), chainId, request, status });
      }
    }

    const taken = new Set(
      (
        (await context.manager.query(
          `SELECT chain_id || ':' || title AS key FROM short_board
           WHERE chain_id = ANY($1::uuid[]) AND title = ANY($2::text[])`,
          [
            [...new Set(boards.map((b) => b.chainId))],
            [...new Set(boards.map((b) => b.request.title))],
          ],
        )) as { key: string }[]
      ).map((r) => r.key),
    );
    const seen = new FirstSeen();
    for (const board of boards) {
      const key = `${board.chainId}:${board.request.title}`;
      const first = seen.claim(key, board.reader.row);
      if (first !== undefined) board.reader.fail('title', IMPORT_MESSAGES.duplicateInFile(first));
      else if (taken.has(key)) board.reader.fail('title', IMPORT_MESSAGES.shortBoardTaken);
    }

    return {
      write: async (manager: EntityManager) => {
        await manager.query(
          `INSERT INTO short_board (id, chain_id, node_id, title, description, category, chokepoint, foreign_dependence,
                                    status, start_date, target_date)
           SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::boolean[],
                                $8::numeric[], $9::text[], $10::date[], $11::date[])`,
          [
            boards.map((b) => b.id),
            boards.map((b) => b.chainId),
            boards.map((b) => b.request.nodeId ?? null),
            boards.map((b) => b.request.title),
            boards.map((b) => b.request.description ?? ''),
            boards.map((b) => b.request.category),
            boards.map((b) => b.request.chokepoint ?? false),
            boards.map((b) => b.request.foreignDependence ?? null),
            boards.map((b) => b.status),
            boards.map((b) => b.request.startDate),
            boards.map((b) => b.request.targetDate),
          ],
        );
        const owners = boards.flatMap((b) =>
          [...new Set(b.request.ownerOrganisationIds ?? [])].map((o) => [b.id, o] as const),
        );
        await manager.query(
          `INSERT INTO short_board_owner (short_board_id, organisation_id) SELECT * FROM unnest($1::uuid[], $2::uuid[])`,
          [owners.map((o) => o[0]), owners.map((o) => o[1])],
        );
        return boards.map((b) => b.id);
      },
    };
  }
}
