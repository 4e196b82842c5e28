import { Module } from '@nestjs/common';
import { ChallengesController } from './challenges.controller';
import { ChallengesModule } from './challenges.module';

/** Controllers; imported by apps/api only. */
@Module({ imports: [ChallengesModule], controllers: [ChallengesController] })
export class ChallengesHttpModule {}
