import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  loginRequestSchema,
  type LoginRequest,
  type LoginResponse,
  type SessionUserDto,
} from '@lianzhang/contracts';
import {
  APP_CONFIG,
  Authenticated,
  CurrentUser,
  Public,
  ZodValidationPipe,
  type AppConfig,
  type AuthenticatedUser,
} from '@lianzhang/server/core';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import { AuthService, type IssuedTokens } from './auth.service';

export const REFRESH_COOKIE = 'lz_refresh';
const COOKIE_PATH = '/api/auth';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Sign in: an access token in the body, a rotating refresh token in an httpOnly cookie',
  })
  async login(
    @Body(new ZodValidationPipe(loginRequestSchema)) body: LoginRequest,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    const issued = await this.auth.login(body.username, body.password, {
      address: request.ip ?? null,
      userAgent: request.headers['user-agent'] ?? null,
    });
    return this.answer(issued, response);
  }

  @Public()
  @Post('refresh')
  @HttpCode(200)
  @ApiOperation({ summary: 'Spend the refresh cookie for a new access token and a new cookie' })
  async refresh(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<LoginResponse> {
    try {
      return this.answer(await this.auth.refresh(readCookie(request, REFRESH_COOKIE)), response);
    } catch (error) {
      this.clearCookie(response);
      throw error;
    }
  }

  @Public()
  @Post('logout')
  @HttpCode(204)
  @ApiOperation({
    summary: 'End the session of the refresh cookie: every token of it stops working at once',
  })
  async logout(
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const token = readCookie(request, REFRESH_COOKIE);
    const sessionId = token ? await this.auth.sessionOfRefreshToken(token) : undefined;
    if (sessionId) await this.auth.logout(sessionId);
    this.clearCookie(response);
  }

  @Authenticated('me:read')
  @Post('logout-session')
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of the access token' })
  async logoutSession(
    @CurrentUser() user: AuthenticatedUser,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    await this.auth.logout(user.sessionId);
    this.clearCookie(response);
  }

  private answer(issued: IssuedTokens, response: Response): LoginResponse {
    response.cookie(REFRESH_COOKIE, issued.refreshToken, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.env === 'production',
      path: COOKIE_PATH,
      expires: issued.sessionExpiresAt,
    });
    response.setHeader('Cache-Control', 'no-store');
    return { accessToken: issued.accessToken, expiresIn: issued.expiresIn, user: issued.user };
  }

  private clearCookie(response: Response): void {
    response.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict' });
  }
}

@ApiTags('auth')
@Controller('me')
export class MeController {
  constructor(private readonly auth: AuthService) {}

  @Authenticated('me:read')
  @Get()
  @ApiOperation({ summary: 'The signed-in user: role, organisation, permissions, chains' })
  me(@CurrentUser() user: AuthenticatedUser): Promise<SessionUserDto> {
    return this.auth.sessionUser(user.id);
  }
}

/** One cookie of the request, parsed by `cookie` (the parser Express itself uses). */
export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.cookie;
  return header ? parseCookies(header)[name] : undefined;
}
