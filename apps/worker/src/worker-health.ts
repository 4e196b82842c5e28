import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationShutdown,
  type OnModuleInit,
} from '@nestjs/common';
import { APP_CONFIG, JobRunner, type AppConfig } from '@lianzhang/server/core';
import { createServer, type Server } from 'node:http';
import { DataSource } from 'typeorm';

/**
 * The worker has no HTTP api; this small server answers GET /health for its supervisor
 * (docker-compose, Kubernetes): 200 when the database answers and every queue worker runs.
 */
@Injectable()
export class WorkerHealthServer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(WorkerHealthServer.name);
  private server: Server | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly runner: JobRunner,
  ) {}

  /**
   * Listens before the bootstrap hooks run (queue workers, the reconcilers and the report
   * schedule at start), so a supervisor can probe a starting worker: 503 until every
   * queue worker runs, then 200.
   */
  onModuleInit(): Promise<void> {
    const server = createServer((request, response) => {
      if (request.method !== 'GET' || request.url !== '/health') {
        response.writeHead(404).end();
        return;
      }
      void this.report().then((report) => {
        response.writeHead(report.status === 'up' ? 200 : 503, {
          'Content-Type': 'application/json',
        });
        response.end(JSON.stringify(report));
      });
    });
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.config.workerHealthPort, () => {
        this.logger.log(`worker health on http://localhost:${this.config.workerHealthPort}/health`);
        resolve();
      });
    });
  }

  async report(): Promise<{
    status: 'up' | 'down';
    database: 'up' | 'down';
    queue: ReturnType<JobRunner['status']>;
  }> {
    const database = await this.dataSource.query('SELECT 1').then(
      () => 'up' as const,
      () => 'down' as const,
    );
    const queue = this.runner.status();
    return { status: database === 'up' && queue.running ? 'up' : 'down', database, queue };
  }

  onApplicationShutdown(): Promise<void> {
    return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
