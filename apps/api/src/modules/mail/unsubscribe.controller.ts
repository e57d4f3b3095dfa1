import { Controller, Get, Header, HttpCode, HttpStatus, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiFileResponse } from '../../common/api-docs';
import { IsString, Matches, MaxLength } from 'class-validator';
import type { Response } from 'express';
import { ErrorCode, type Language } from '@klasteris/contracts';
import { ApiException } from '../../common/api-exception';
import { Public } from '../../common/auth.decorators';
import { escapeHtml } from './render/escape';
import { OutboxService } from './outbox.service';

export class UnsubscribeQueryDto {
  @ApiProperty() @IsString() @MaxLength(1000) @Matches(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/, { message: 'token is not valid' }) token: string;
}

const PAGE: Record<Language, { title: string; body: string; button: string; done: string; invalid: string }> = {
  en: {
    title: 'Unsubscribe',
    body: 'Stop e-mails of this kind to',
    button: 'Unsubscribe',
    done: 'Done: no more e-mails of this kind will be sent to this address.',
    invalid: 'This unsubscribe link is not valid.',
  },
  lt: {
    title: 'Atsisakyti laiškų',
    body: 'Nebesiųsti tokių laiškų adresu',
    button: 'Atsisakyti',
    done: 'Atlikta: tokie laiškai šiuo adresu nebebus siunčiami.',
    invalid: 'Ši atsisakymo nuoroda negalioja.',
  },
};

const page = (title: string, inner: string): string =>
  `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title></head>` +
  `<body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#1d2330"><h1 style="font-size:1.4rem">${escapeHtml(title)}</h1>${inner}</body></html>`;

/**
 * RFC 8058 one-click unsubscribe. Mail clients POST `List-Unsubscribe=One-Click` to the URL of the
 * List-Unsubscribe header; a person who opens the link instead (GET) lands on their notification
 * settings for that kind (an account) or a page with one button (an address without an account).
 * GET never unsubscribes by itself (link scanners open links).
 */
@ApiTags('mail')
@Public()
@Controller('mail/unsubscribe')
export class UnsubscribeController {
  constructor(private readonly outbox: OutboxService) {}

  @Post()
  @HttpCode(200)
  @ApiBadRequestResponse({ description: 'MAIL_TOKEN_INVALID' })
  async oneClick(@Query() q: UnsubscribeQueryDto): Promise<{ unsubscribed: true }> {
    await this.outbox.unsubscribe(q.token);
    return { unsubscribed: true };
  }

  @Get()
  @Header('Cache-Control', 'no-store')
  @ApiFileResponse(['text/html'], 200, 'A page with one button (an address without an account)')
  @ApiResponse({ status: 303, description: 'To the notification settings of the account' })
  @ApiBadRequestResponse({ description: 'MAIL_TOKEN_INVALID' })
  open(@Query() q: UnsubscribeQueryDto, @Res() res: Response): void {
    const claim = this.outbox.verifyUnsubscribe(q.token);
    const lang: Language = (res.req.acceptsLanguages('lt', 'en') || 'en') === 'lt' ? 'lt' : 'en';
    const t = PAGE[lang];
    if (!claim) throw new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.MailTokenInvalid, t.invalid);
    if (claim.userId) {
      res.redirect(303, this.outbox.preferencesUrl(claim.kind));
      return;
    }
    const form =
      `<p>${escapeHtml(t.body)} <strong>${escapeHtml(claim.email)}</strong>?</p>` +
      `<form method="post" action="?token=${escapeHtml(encodeURIComponent(q.token))}"><input type="hidden" name="List-Unsubscribe" value="One-Click">` +
      `<button type="submit" style="font-size:1rem;padding:.6rem 1.2rem">${escapeHtml(t.button)}</button></form>`;
    res.status(200).type('html').send(page(t.title, form));
  }
}
