import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, type AppConfig } from '@lianzhang/server/core';
import { AuthService } from './auth.service';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationsService } from './organisations.service';
import { PasswordHasher } from './password-hasher';
import { LoginThrottleEntity, RefreshTokenEntity, SessionEntity } from './session.entity';
import { UserEntity } from './user.entity';
import { UsersService } from './users.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      OrganisationEntity,
      UserEntity,
      SessionEntity,
      RefreshTokenEntity,
      LoginThrottleEntity,
    ]),
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        secret: config.tokens.accessSecret,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [AuthService, PasswordHasher, OrganisationsService, UsersService],
  exports: [AuthService, PasswordHasher, OrganisationsService, UsersService],
})
export class IdentityModule {}
