import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, effect, inject, signal } from '@angular/core';
import type { MarkNotificationsReadRequest, NotificationDto, Page } from '@lianzhang/contracts';
import { firstValueFrom } from 'rxjs';
import { SessionStore } from '../auth/session.store';
import { LanguageService } from '../i18n/language.service';
import { parseServerEvents } from './sse';

const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/**
 * The live unread count (server-sent events read with `fetch`, which can send the
 * bearer token) and the inbox. The stream follows the session: opened on sign-in,
 * closed on sign-out, reopened with backoff when the connection drops.
 */
@Injectable({ providedIn: 'root' })
export class NotificationsStore {
  private readonly http = inject(HttpClient);
  private readonly session = inject(SessionStore);
  private readonly languages = inject(LanguageService);
  private abort: AbortController | null = null;
  private failures = 0;

  /** Null until the stream has said. */
  readonly unread = signal<number | null>(null);

  constructor() {
    effect(() => {
      if (this.session.signedIn()) void this.connect();
      else this.disconnect();
    });
  }

  list(query: { unread?: boolean; page?: number }): Promise<Page<NotificationDto>> {
    let params = new HttpParams().set('page', query.page ?? 1).set('pageSize', 20);
    if (query.unread) params = params.set('unread', 'true');
    return firstValueFrom(this.http.get<Page<NotificationDto>>('/api/notifications', { params }));
  }

  async markRead(request: MarkNotificationsReadRequest): Promise<void> {
    const answer = await firstValueFrom(
      this.http.post<{ updated: number; unread: number }>('/api/notifications/read', request),
    );
    this.unread.set(answer.unread);
  }

  private async connect(): Promise<void> {
    if (this.abort) return;
    const abort = new AbortController();
    this.abort = abort;
    try {
      const response = await fetch('/api/notifications/stream', {
        headers: {
          Authorization: `Bearer ${this.session.accessToken() ?? ''}`,
          'Accept-Language': this.languages.language(),
        },
        signal: abort.signal,
      });
      if (response.status === 401 && !(await this.session.refresh())) return;
      if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
      this.failures = 0;
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        const parsed = parseServerEvents(buffer + decoder.decode(value, { stream: true }));
        buffer = parsed.rest;
        for (const event of parsed.events) {
          if (event.type === 'unread') this.unread.set((event.data as { unread: number }).unread);
        }
      }
    } catch {
      // Dropped or refused: tried again below while the session lasts.
    } finally {
      if (this.abort === abort) this.abort = null;
    }
    if (!abort.signal.aborted && this.session.signedIn()) {
      const wait = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)];
      setTimeout(() => void this.connect(), wait);
    }
  }

  private disconnect(): void {
    this.abort?.abort();
    this.abort = null;
    this.unread.set(null);
  }
}
