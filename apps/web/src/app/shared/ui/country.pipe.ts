import { Pipe, type PipeTransform, inject } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { isKnownCountry } from '../countries';

/** Country name in the active language; unknown codes are shown as they are. Impure: follows language switches. */
@Pipe({ name: 'country', pure: false })
export class CountryPipe implements PipeTransform {
  private readonly transloco = inject(TranslocoService);

  transform(code: string | null | undefined): string {
    if (!code) return '';
    return isKnownCountry(code) ? this.transloco.translate(`countries.${code.toUpperCase()}`) : code;
  }
}
