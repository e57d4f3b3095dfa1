import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { ErrorMessageService } from './error-message.service';

describe('ErrorMessageService', () => {
  let service: ErrorMessageService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: {
            en: { errors: { INVALID_CREDENTIALS: 'Wrong e-mail or password.', UNKNOWN: 'Something went wrong.' } },
            lt: { errors: { INVALID_CREDENTIALS: 'Neteisingas el. paštas arba slaptažodis.', UNKNOWN: 'Kažkas nepavyko.' } },
          },
          translocoConfig: { availableLangs: ['en', 'lt'], defaultLang: 'en', missingHandler: { logMissingKey: false } },
          preloadLangs: true,
        }),
      ],
    });
    service = TestBed.inject(ErrorMessageService);
  });

  const err = (code: string, status = 401) =>
    new HttpErrorResponse({ status, error: { statusCode: status, code, message: 'server text' } });

  it('translates a known code in the active language', () => {
    expect(service.message(err('INVALID_CREDENTIALS'))).toBe('Wrong e-mail or password.');
  });

  it('never shows the raw key when a translation is missing', () => {
    expect(service.message(err('ACCOUNT_DISABLED', 403))).toBe('Something went wrong.');
  });
});
