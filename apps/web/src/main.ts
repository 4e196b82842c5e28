// ng-zorro's date pickers format dates with Angular's locale data, which carries only en-US
// unless told: the Chinese data, registered globally before anything renders.
import '@angular/common/locales/global/zh';
import { bootstrapApplication } from '@angular/platform-browser';
import { AppComponent } from './app/app.component';
import { appConfig } from './app/app.config';

bootstrapApplication(AppComponent, appConfig).catch((error: unknown) => console.error(error));
