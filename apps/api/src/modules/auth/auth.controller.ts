import { Body, Controller, Get, HttpCode, Patch, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { Request, Response } from 'express';
import { REFRESH_COOKIE, type LoginResponse, type MeResponse, type RefreshResponse, type RegisterResponse } from '@klasteris/contracts';
import { ApiErrors } from '../../common/api-docs';
import { Authenticated, CurrentUser, Public } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { AppConfig } from '../../config/app-config';
import { AuthService, ClientMeta } from './auth.service';
import { ChangePasswordDto, LoginDto, RegisterDto, UpdateProfileDto } from './dto/auth.dto';
import { clearRefreshCookie, setRefreshCookie } from './refresh-cookie';

export const clientMeta = (req: Request): ClientMeta => ({
  ip: req.ip ?? 'unknown',
  userAgent: req.get('user-agent')?.slice(0, 300) ?? null,
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Public()
  @UseGuards(ThrottlerGuard)
  @ApiErrors(429)
  @Post('register')
  async register(@Body() body: RegisterDto): Promise<RegisterResponse> {
    return { user: await this.auth.register(body) };
  }

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiTooManyRequestsResponse({ description: 'TOO_MANY_REQUESTS after repeated failures' })
  @ApiErrors(401, 403)
  async login(@Body() body: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponse> {
    const { refreshToken, ...result } = await this.auth.login(body.email, body.password, clientMeta(req));
    setRefreshCookie(res, refreshToken, this.config);
    return result;
  }

  @Public()
  @Post('refresh')
  @ApiErrors(401, 403)
  @HttpCode(200)
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<RefreshResponse> {
    const cookies = req.cookies as Record<string, string | undefined> | undefined;
    try {
      const { refreshToken, ...result } = await this.auth.refresh(cookies?.[REFRESH_COOKIE]);
      setRefreshCookie(res, refreshToken, this.config);
      return result;
    } catch (err) {
      clearRefreshCookie(res, this.config);
      throw err;
    }
  }

  @Authenticated()
  @Post('logout')
  @HttpCode(204)
  async logout(@CurrentUser() me: AuthUser, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(me);
    clearRefreshCookie(res, this.config);
  }

  @Authenticated()
  @Get('me')
  async me(@CurrentUser() me: AuthUser): Promise<MeResponse> {
    return { user: await this.auth.me(me) };
  }

  @Authenticated()
  @Patch('me')
  async updateMe(@CurrentUser() me: AuthUser, @Body() body: UpdateProfileDto): Promise<MeResponse> {
    return { user: await this.auth.updateProfile(me, body) };
  }

  @Authenticated()
  @Post('me/password')
  @HttpCode(204)
  changePassword(@CurrentUser() me: AuthUser, @Body() body: ChangePasswordDto): Promise<void> {
    return this.auth.changePassword(me, body.currentPassword, body.newPassword);
  }
}
