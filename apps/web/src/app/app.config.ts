import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import {
  type ApplicationConfig,
  inject,
  isDevMode,
  provideAppInitializer,
  provideBrowserGlobalErrorListeners,
  provideZonelessChangeDetection,
} from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { DEFAULT_LANGUAGE, LANGUAGES } from '@lianzhang/contracts';
import { provideTransloco } from '@jsverse/transloco';
import {
  ApartmentOutline,
  ApiOutline,
  BellOutline,
  CheckCircleFill,
  CloseCircleFill,
  CloudServerOutline,
  DashboardOutline,
  DatabaseOutline,
  DesktopOutline,
  EnvironmentOutline,
  GlobalOutline,
  HomeOutline,
  LogoutOutline,
  UserOutline,
  WarningFill,
  MenuFoldOutline,
  MenuUnfoldOutline,
  ProfileOutline,
  ReloadOutline,
  SettingOutline,
  CloudUploadOutline,
  DownloadOutline,
  FileExcelOutline,
  FundOutline,
  TrophyOutline,
  UploadOutline,
} from '@ant-design/icons-angular/icons';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { appRoutes } from './app.routes';
import { authInterceptor } from './auth/auth.interceptor';
import { SessionStore } from './auth/session.store';
import { acceptLanguageInterceptor } from './i18n/accept-language.interceptor';
import { LanguageService } from './i18n/language.service';
import { TranslocoHttpLoader } from './i18n/transloco-loader';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideHttpClient(withFetch(), withInterceptors([acceptLanguageInterceptor, authInterceptor])),
    provideTransloco({
      config: {
        availableLangs: [...LANGUAGES],
        defaultLang: DEFAULT_LANGUAGE,
        fallbackLang: DEFAULT_LANGUAGE,
        reRenderOnLangChange: true,
        prodMode: !isDevMode(),
        missingHandler: { useFallbackTranslation: true, logMissingKey: isDevMode() },
      },
      loader: TranslocoHttpLoader,
    }),
    provideNzI18n(zh_CN),
    provideNzIcons([
      ApartmentOutline,
      ApiOutline,
      BellOutline,
      CheckCircleFill,
      CloseCircleFill,
      CloudServerOutline,
      DashboardOutline,
      DatabaseOutline,
      DesktopOutline,
      EnvironmentOutline,
      GlobalOutline,
      HomeOutline,
      LogoutOutline,
      UserOutline,
      WarningFill,
      MenuFoldOutline,
      MenuUnfoldOutline,
      ProfileOutline,
      ReloadOutline,
      SettingOutline,
      CloudUploadOutline,
      DownloadOutline,
      FileExcelOutline,
      FundOutline,
      TrophyOutline,
      UploadOutline,
    ]),
    provideAppInitializer(() => inject(LanguageService).init()),
    // A reload keeps the session: its refresh cookie brings a new access token.
    provideAppInitializer(() => inject(SessionStore).restore()),
  ],
};
