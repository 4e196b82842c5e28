export type CheckStatus = 'up' | 'down';

export interface HealthCheck {
  readonly status: CheckStatus;
  /** How long the check took, in milliseconds. */
  readonly durationMs: number;
  readonly error?: string;
}

export interface QueueHealthCheck extends HealthCheck {
  readonly backend: 'redis' | 'postgres';
  /** Id of the canary job that went through the queue and the worker. */
  readonly canaryJobId?: string;
}

export interface HealthResponse {
  readonly status: CheckStatus;
  readonly version: string;
  readonly uptimeSeconds: number;
  readonly checks: {
    readonly database: HealthCheck;
    readonly queue: QueueHealthCheck;
  };
}
