import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface TokenSecrets {
  readonly JWT_ACCESS_SECRET: string;
  readonly JWT_REFRESH_SECRET: string;
}

/**
 * The all-in-one mode needs token secrets nobody has to invent: made once at random,
 * kept (mode 600) beside the embedded database so sessions survive a restart.
 */
export function loadOrCreateSecrets(file: string): TokenSecrets {
  if (existsSync(file)) {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as Partial<TokenSecrets>;
    if (stored.JWT_ACCESS_SECRET && stored.JWT_REFRESH_SECRET) {
      return {
        JWT_ACCESS_SECRET: stored.JWT_ACCESS_SECRET,
        JWT_REFRESH_SECRET: stored.JWT_REFRESH_SECRET,
      };
    }
  }
  const secrets: TokenSecrets = {
    JWT_ACCESS_SECRET: randomBytes(48).toString('base64url'),
    JWT_REFRESH_SECRET: randomBytes(48).toString('base64url'),
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}
