import { Module } from '@nestjs/common';
import { ExchangeModule } from './exchange.module';
import { ImportsController } from './imports.controller';

/** The import routes; imported by apps/api only. */
@Module({ imports: [ExchangeModule], controllers: [ImportsController] })
export class ExchangeHttpModule {}
