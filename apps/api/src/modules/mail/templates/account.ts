import { EMAIL_CHANGE_TTL_HOURS, EMAIL_VERIFY_TTL_HOURS, PASSWORD_RESET_TTL_MINUTES } from '@klasteris/contracts';
import { defineTemplate, type Texts } from '../render/blocks';

/** Account and security mails: essential (always sent, no unsubscribe). */

export interface TokenLinkMail {
  token: string;
}

const reset: Texts<{ subject: string; body: string; button: string; valid: string; notYou: string }> = {
  en: {
    subject: 'Reset your password',
    body: 'Someone — hopefully you — asked to reset the password of your account. Choose a new password with the button below.',
    button: 'Choose a new password',
    valid: `The link works once and for ${PASSWORD_RESET_TTL_MINUTES} minutes. Setting a new password signs you out everywhere.`,
    notYou: 'If you did not ask for it, ignore this e-mail: your password stays as it is.',
  },
  lt: {
    subject: 'Slaptažodžio atkūrimas',
    body: 'Kažkas — tikimės, jūs — paprašė atkurti jūsų paskyros slaptažodį. Naują slaptažodį pasirinkite paspaudę mygtuką.',
    button: 'Pasirinkti naują slaptažodį',
    valid: `Nuoroda veikia vieną kartą ir ${PASSWORD_RESET_TTL_MINUTES} minučių. Nustačius naują slaptažodį, būsite atjungti visuose įrenginiuose.`,
    notYou: 'Jei to neprašėte, ignoruokite šį laišką: jūsų slaptažodis nepasikeis.',
  },
};

export const passwordResetMail = defineTemplate<TokenLinkMail>({
  essential: true,
  render(d, ctx) {
    const x = reset[ctx.language];
    return {
      subject: x.subject,
      blocks: [
        { type: 'p', text: x.body },
        { type: 'button', label: x.button, href: `/reset-password?token=${encodeURIComponent(d.token)}` },
        { type: 'note', text: x.valid },
        { type: 'note', text: x.notYou },
      ],
    };
  },
});

export interface EmailChangeMail extends TokenLinkMail {
  newEmail: string;
}

const change: Texts<{ subject: string; body: (e: string) => string; button: string; valid: string }> = {
  en: {
    subject: 'Confirm your new e-mail address',
    body: (e) => `You asked to use ${e} for your account. Confirm that this address is yours; until then, the old address stays in use.`,
    button: 'Confirm this address',
    valid: `The link works once and for ${EMAIL_CHANGE_TTL_HOURS} hours. If you did not ask for it, ignore this e-mail.`,
  },
  lt: {
    subject: 'Patvirtinkite naują el. pašto adresą',
    body: (e) => `Paprašėte savo paskyrai naudoti adresą ${e}. Patvirtinkite, kad šis adresas jūsų; iki tol naudojamas senasis adresas.`,
    button: 'Patvirtinti adresą',
    valid: `Nuoroda veikia vieną kartą ir ${EMAIL_CHANGE_TTL_HOURS} val. Jei to neprašėte, ignoruokite šį laišką.`,
  },
};

export const emailChangeMail = defineTemplate<EmailChangeMail>({
  essential: true,
  render(d, ctx) {
    const x = change[ctx.language];
    return {
      subject: x.subject,
      blocks: [
        { type: 'p', text: x.body(d.newEmail) },
        { type: 'button', label: x.button, href: `/confirm-email?token=${encodeURIComponent(d.token)}` },
        { type: 'note', text: x.valid },
      ],
    };
  },
});

export interface EmailChangedNoticeMail {
  newEmail: string;
}

const notice: Texts<{ subject: string; body: (e: string) => string; notYou: string }> = {
  en: {
    subject: 'The e-mail address of your account was changed',
    body: (e) => `The e-mail address of your account is now ${e}. You sign in with the new address from now on.`,
    notYou: 'If this was not you, reply to this e-mail or contact the cluster coordinators at once.',
  },
  lt: {
    subject: 'Jūsų paskyros el. pašto adresas pakeistas',
    body: (e) => `Jūsų paskyros el. pašto adresas dabar yra ${e}. Nuo šiol jungiatės nauju adresu.`,
    notYou: 'Jei tai buvote ne jūs, nedelsdami atsakykite į šį laišką arba kreipkitės į klasterio koordinatorius.',
  },
};

/** To the old address after a confirmed change. */
export const emailChangedNoticeMail = defineTemplate<EmailChangedNoticeMail>({
  essential: true,
  render(d, ctx) {
    const x = notice[ctx.language];
    return {
      subject: x.subject,
      blocks: [
        { type: 'p', text: x.body(d.newEmail) },
        { type: 'note', text: x.notYou },
      ],
    };
  },
});

const verify: Texts<{ subject: (c: string) => string; body: (c: string) => string; button: string; valid: string }> = {
  en: {
    subject: (c) => `Confirm your e-mail address for ${c}`,
    body: (c) =>
      `Thank you for registering on the portal of ${c}. Confirm your e-mail address; the cluster's coordinators then review your registration.`,
    button: 'Confirm my address',
    valid: `The link works for ${EMAIL_VERIFY_TTL_HOURS} hours. If you did not register, ignore this e-mail.`,
  },
  lt: {
    subject: (c) => `Patvirtinkite el. pašto adresą portale „${c}“`,
    body: (c) =>
      `Dėkojame, kad užsiregistravote klasterio „${c}“ portale. Patvirtinkite savo el. pašto adresą; tada klasterio koordinatoriai peržiūrės jūsų registraciją.`,
    button: 'Patvirtinti adresą',
    valid: `Nuoroda galioja ${EMAIL_VERIFY_TTL_HOURS} val. Jei nesiregistravote, ignoruokite šį laišką.`,
  },
};

export const verifyEmailMail = defineTemplate<TokenLinkMail>({
  essential: true,
  render(d, ctx) {
    const x = verify[ctx.language];
    return {
      subject: x.subject(ctx.clusterName),
      blocks: [
        { type: 'p', text: x.body(ctx.clusterName) },
        { type: 'button', label: x.button, href: `/verify-email?token=${encodeURIComponent(d.token)}` },
        { type: 'note', text: x.valid },
      ],
    };
  },
});
