import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PASSWORD } from './demo';

export interface SignInOptions {
  /** Where the app should land after signing in (default: the dashboard). */
  expectPath?: string | RegExp;
}

/**
 * Signs in through the login form and waits until the app shell shows the signed-in person.
 * Works from any state: it opens /login itself.
 */
export async function signIn(page: Page, email: string, password: string = DEMO_PASSWORD, options: SignInOptions = {}): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await expect(page).toHaveURL(options.expectPath ?? /\/dashboard$/);
  await expect(page.getByTestId('user-menu')).toBeVisible();
}

/** Signs out through the user menu and waits for the sign-in page. */
export async function signOut(page: Page): Promise<void> {
  await page.getByTestId('user-menu').click();
  await page.getByTestId('logout').click();
  await expect(page).toHaveURL(/\/login/);
}

/** The signed-in people of a journey, each in a browser context of their own, closed together. */
export class People {
  private readonly contexts: BrowserContext[] = [];

  /** A new context signed in as `email`, on the dashboard. */
  async signIn(browser: Browser, email: string): Promise<Page> {
    const context = await browser.newContext();
    this.contexts.push(context);
    const page = await context.newPage();
    await signIn(page, email);
    return page;
  }

  async closeAll(): Promise<void> {
    for (const c of this.contexts.splice(0)) await c.close();
  }
}
