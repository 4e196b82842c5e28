import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import { Router } from '@angular/router';
import type { Language, LoginRequest, LoginResponse, SessionUserDto } from '@lianzhang/contracts';
import type { Permission } from '@lianzhang/domain';
import { firstValueFrom } from 'rxjs';
import { LanguageService } from '../i18n/language.service';

/** Auth routes are answered without a bearer token and never retried after a refresh. */
export const AUTH_PATHS = ['/api/auth/login', '/api/auth/refresh', '/api/auth/logout'];

/**
 * The signed-in user and their access token. The token lives in memory only (never in
 * storage a script could read); a reload gets a new one from the httpOnly refresh
 * cookie. One refresh at a time, however many requests found their token expired.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly http = inject(HttpClient);
  private readonly router = inject(Router);
  private readonly languages = inject(LanguageService);
  private token: string | null = null;
  private refreshing: Promise<boolean> | null = null;

  readonly user = signal<SessionUserDto | null>(null);
  readonly signedIn = computed(() => this.user() !== null);

  accessToken(): string | null {
    return this.token;
  }

  can(permission: Permission): boolean {
    return this.user()?.permissions.includes(permission) ?? false;
  }

  async login(request: LoginRequest): Promise<SessionUserDto> {
    const answer = await firstValueFrom(this.http.post<LoginResponse>('/api/auth/login', request));
    return this.accept(answer);
  }

  /** A new access token from the refresh cookie; false when the session is over. */
  refresh(): Promise<boolean> {
    this.refreshing ??= firstValueFrom(this.http.post<LoginResponse>('/api/auth/refresh', null))
      .then((answer) => {
        this.accept(answer);
        return true;
      })
      .catch(() => {
        this.clear();
        return false;
      })
      .finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** At start: a session that survives a reload comes back through its cookie. */
  async restore(): Promise<void> {
    await this.refresh();
  }

  async logout(): Promise<void> {
    await firstValueFrom(this.http.post('/api/auth/logout', null)).catch(() => undefined);
    this.clear();
    await this.router.navigate(['/login']);
  }

  /** The session ended under the user: back to sign-in, then back to where they were. */
  async expired(returnUrl: string): Promise<void> {
    this.clear();
    await this.router.navigate(['/login'], { queryParams: { returnUrl } });
  }

  /** The user's language chosen on any device wins over this browser's. */
  private accept(answer: LoginResponse): SessionUserDto {
    this.token = answer.accessToken;
    this.user.set(answer.user);
    if (answer.user.language !== this.languages.language()) {
      void this.languages.use(answer.user.language);
    }
    return answer.user;
  }

  /** Switches the interface language and remembers it for the user, on every device. */
  async useLanguage(language: Language): Promise<void> {
    await this.languages.use(language);
    const user = this.user();
    if (!user || user.language === language) return;
    this.user.set({ ...user, language });
    await firstValueFrom(this.http.put('/api/me/language', { language })).catch(() => undefined);
  }

  private clear(): void {
    this.token = null;
    this.user.set(null);
  }
}
