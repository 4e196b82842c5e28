import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the OWASP minimum (19 MiB, 2 passes, 1 lane), through @node-rs/argon2:
 * its binaries come as per-platform packages (no install script), where the `argon2`
 * package's bundled prebuild crashed on this Linux. Unknown users are checked against a
 * dummy hash, so a wrong name costs as long as a wrong password.
 */
@Injectable()
export class PasswordHasher {
  private static readonly OPTIONS = {
    algorithm: Algorithm.Argon2id,
    memoryCost: 19_456,
    timeCost: 2,
    parallelism: 1,
  } as const;
  private dummy: Promise<string> | undefined;

  hash(password: string): Promise<string> {
    return hash(password, PasswordHasher.OPTIONS);
  }

  async verify(stored: string | undefined, password: string): Promise<boolean> {
    if (!stored) {
      this.dummy ??= this.hash('lianzhang-dummy-password-for-timing');
      await verify(await this.dummy, password).catch(() => false);
      return false;
    }
    return verify(stored, password).catch(() => false);
  }
}
