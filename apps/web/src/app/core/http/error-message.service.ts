import { Injectable, inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { toApiError, type ApiErrorInfo } from '../../shared/api-error';

/** Translates API errors into user-facing text in the active language. */
@Injectable({ providedIn: 'root' })
export class ErrorMessageService {
  private readonly transloco = inject(TranslocoService);

  info(err: unknown): ApiErrorInfo {
    return toApiError(err);
  }

  message(err: unknown): string {
    const info = toApiError(err);
    const text = this.transloco.translate(info.messageKey);
    // Transloco returns the key itself when a translation is missing.
    return text && text !== info.messageKey ? text : this.transloco.translate('errors.UNKNOWN');
  }
}
