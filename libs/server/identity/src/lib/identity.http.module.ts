import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthController, MeController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import {
  MyPasswordController,
  OrganisationsController,
  UsersController,
} from './identity.controllers';
import { IdentityModule } from './identity.module';

/** Controllers and the global guard; imported by apps/api only. */
@Module({
  imports: [IdentityModule],
  controllers: [
    AuthController,
    MeController,
    MyPasswordController,
    OrganisationsController,
    UsersController,
  ],
  providers: [{ provide: APP_GUARD, useClass: AuthGuard }],
})
export class IdentityHttpModule {}
