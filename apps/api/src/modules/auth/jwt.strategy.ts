import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '../../config/app-config';
import type { AuthUser } from '../../common/auth-user';
import { unauthenticated } from '../../common/api-exception';
import { AccessClaims, AccessTokensService } from './access-tokens.service';

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    config: AppConfig,
    private readonly tokens: AccessTokensService,
  ) {
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: config.jwtSecret, ignoreExpiration: false });
  }

  async validate(claims: AccessClaims): Promise<AuthUser> {
    const user = await this.tokens.resolve(claims);
    if (!user) throw unauthenticated('Your session has ended; sign in again');
    return user;
  }
}
