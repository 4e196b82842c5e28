import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { API_PREFIX, ApiPaths } from '@lianzhang/contracts';
import {
  AllExceptionsFilter,
  requestContextMiddleware,
  type AppConfig,
} from '@lianzhang/server/core';
import { mountQueueBoard } from '@lianzhang/server/notifications';
import express, { type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { AppModule, VERSION, type ApiOptions } from './app.module';

/** Builds the api: global prefix, error shape, OpenAPI, and the web app when it is built. */
export async function createApi(
  config: AppConfig,
  options: ApiOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestContextMiddleware);
  app.useBodyParser('json', { limit: '1mb' });
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalFilters(new AllExceptionsFilter());
  mountQueueBoard(app);

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('lianzhang API')
      .setDescription('链长制产业链协同与督办平台 — industry-chain leader system')
      .setVersion(VERSION)
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/${ApiPaths.docs}`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/${ApiPaths.docs}/json`,
  });

  if (config.webDist && existsSync(join(config.webDist, 'index.html'))) {
    serveWebApp(app, config.webDist);
  }
  return app;
}

/**
 * The all-in-one mode serves the built single-page app: files as they are, and
 * index.html for any other GET outside /api (client-side routes).
 */
function serveWebApp(app: NestExpressApplication, webDist: string): void {
  const index = join(webDist, 'index.html');
  app.use(
    express.static(webDist, {
      index: false,
      maxAge: '1y',
      immutable: true,
      setHeaders: (response, path) => {
        if (path.endsWith('.json')) response.setHeader('Cache-Control', 'no-cache');
      },
    }),
  );
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isApi = request.path === `/${API_PREFIX}` || request.path.startsWith(`/${API_PREFIX}/`);
    if (
      (request.method === 'GET' || request.method === 'HEAD') &&
      !isApi &&
      request.accepts('html')
    ) {
      response.setHeader('Cache-Control', 'no-cache');
      response.sendFile(index);
      return;
    }
    next();
  });
}
