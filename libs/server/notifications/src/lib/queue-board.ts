import { Body, Controller, HttpCode, Post, Req, Res, type INestApplication } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { hasPermission } from '@lianzhang/domain';
import { Authenticated, JobQueue, QUEUES, ZodValidationPipe } from '@lianzhang/server/core';
import { AuthService } from '@lianzhang/server/identity';
import { parse as parseCookies } from 'cookie';
import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';

/** Where the board is served; its cookie is sent to this path only. */
export const QUEUE_BOARD_PATH = '/api/admin/queues';
const BOARD_COOKIE = 'lz_board';
/** As long as an access token lives: the board asks the app for a new cookie after that. */
const BOARD_COOKIE_SECONDS = 15 * 60;

/**
 * A browser opens the board by navigating, so it cannot send the app's bearer token.
 * The app first calls this route with the token; the answer puts the same token in an
 * httpOnly cookie for the board's path only. The board checks it on every request like
 * any other call (session alive, user active, `delivery:manage`), so signing out or
 * deactivating the user closes the board at once.
 */
@ApiTags('deliveries')
@Controller('admin/queue-board')
export class QueueBoardController {
  @Authenticated('delivery:manage')
  @Post('session')
  @HttpCode(204)
  @ApiOperation({ summary: `Open Bull Board at ${QUEUE_BOARD_PATH} (province admin)` })
  open(
    // It takes no body: one sent anyway is a mistake worth a 400, not silence.
    @Body(new ZodValidationPipe(z.undefined())) _body: undefined,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): void {
    const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
    response.cookie(BOARD_COOKIE, token, {
      path: QUEUE_BOARD_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: request.secure,
      maxAge: BOARD_COOKIE_SECONDS * 1000,
    });
  }
}

/** Mounts Bull Board over every queue, behind the cookie check. Call before `listen`. */
export function mountQueueBoard(app: INestApplication): void {
  const jobs = app.get(JobQueue);
  const auth = app.get(AuthService);
  const serverAdapter = new ExpressAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map((name) => new BullMQAdapter(jobs.queue(name))),
    serverAdapter,
    options: { uiConfig: { boardTitle: '链长制 · 任务队列' } },
  });
  const guard = (request: Request, response: Response, next: NextFunction) => {
    const token = parseCookies(request.headers.cookie ?? '')[BOARD_COOKIE];
    const refuse = (status: number, zh: string, en: string) =>
      response.status(status).json({
        code: status === 401 ? 'UNAUTHENTICATED' : 'FORBIDDEN',
        message: request.acceptsLanguages('zh-CN', 'zh', 'en') === 'en' ? en : zh,
        details: [],
      });
    if (!token) {
      refuse(401, '请从平台的“队列监控”入口打开', 'Open the board from the app');
      return;
    }
    auth.authenticate(token).then(
      (user) => {
        if (hasPermission(user.role, 'delivery:manage')) next();
        else refuse(403, '无权访问', 'Not allowed');
      },
      () => refuse(401, '登录已失效，请重新打开', 'The session has ended; open the board again'),
    );
  };
  app.use(QUEUE_BOARD_PATH, guard, serverAdapter.getRouter());
}
