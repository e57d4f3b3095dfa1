import { DOCUMENT } from '@angular/common';
import { Injectable, inject, signal } from '@angular/core';
import { TranslocoService } from '@jsverse/transloco';
import { Languages, type Language } from '@klasteris/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthStore } from '../auth/auth.store';

export const LANGUAGE_KEY = 'klasteris.lang';

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (Languages as readonly string[]).includes(value);
}

/** The active UI language: remembered locally and, when signed in, on the profile. */
@Injectable({ providedIn: 'root' })
export class LanguageService {
  private readonly transloco = inject(TranslocoService);
  private readonly auth = inject(AuthStore);
  private readonly document = inject(DOCUMENT);
  private readonly _lang = signal<Language>('en');

  readonly lang = this._lang.asReadonly();
  readonly languages = Languages;

  /** The language the person picked explicitly on this device, if any. */
  stored(): Language | null {
    try {
      const value = localStorage.getItem(LANGUAGE_KEY);
      return isLanguage(value) ? value : null;
    } catch {
      return null;
    }
  }

  /** Language to start with: stored choice, else the browser's, else English. */
  initial(): Language {
    const stored = this.stored();
    if (stored) return stored;
    const nav = this.document.defaultView?.navigator.language ?? 'en';
    return nav.toLowerCase().startsWith('lt') ? 'lt' : 'en';
  }

  /** Load the translations and switch the UI (not remembered). */
  async apply(lang: Language): Promise<void> {
    await firstValueFrom(this.transloco.load(lang));
    this.transloco.setActiveLang(lang);
    this._lang.set(lang);
    this.document.documentElement.lang = lang;
  }

  /** The person picked a language: switch, remember it here and on the profile. */
  async choose(lang: Language): Promise<void> {
    await this.apply(lang);
    try {
      localStorage.setItem(LANGUAGE_KEY, lang);
    } catch {
      /* ignore */
    }
    await this.syncProfile(lang);
  }

  /**
   * After sign-in (or a restored session): an explicit choice made on this device wins and is
   * copied to the profile; otherwise the profile's language is used.
   */
  async adoptFromProfile(): Promise<void> {
    const user = this.auth.user();
    if (!user) return;
    const stored = this.stored();
    if (stored) {
      if (stored !== this._lang()) await this.apply(stored);
      await this.syncProfile(stored);
    } else if (isLanguage(user.language) && user.language !== this._lang()) {
      await this.apply(user.language);
    }
  }

  private async syncProfile(lang: Language): Promise<void> {
    const user = this.auth.user();
    if (!user || user.language === lang) return;
    try {
      await firstValueFrom(this.auth.updateProfile({ language: lang }));
    } catch {
      /* the switch already happened locally; the profile keeps the old value */
    }
  }
}
