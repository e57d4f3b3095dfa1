import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { MongooseModule } from '@nestjs/mongoose';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '../../config/app-config';
import { OrganisationsModule } from '../organisations/organisations.module';
import { SessionsModule } from '../sessions/sessions.module';
import { UsersModule } from '../users/users.module';
import { AccessTokensService } from './access-tokens.service';
import { AuthController } from './auth.controller';
import { GlobalAuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { JwtStrategy } from './jwt.strategy';
import { LoginFailureDoc, LoginFailureSchema } from './login-failure.schema';
import { LoginFailuresRepository } from './login-failures.repository';
import { LoginThrottleService } from './login-throttle.service';

@Module({
  imports: [
    PassportModule,
    JwtModule.registerAsync({ inject: [AppConfig], useFactory: (config: AppConfig) => ({ secret: config.jwtSecret }) }),
    MongooseModule.forFeature([{ name: LoginFailureDoc.name, schema: LoginFailureSchema }]),
    UsersModule,
    SessionsModule,
    OrganisationsModule,
  ],
  controllers: [AuthController],
  providers: [
    AuthService,
    AccessTokensService,
    JwtStrategy,
    LoginFailuresRepository,
    LoginThrottleService,
    { provide: APP_GUARD, useClass: GlobalAuthGuard },
  ],
  exports: [AuthService, AccessTokensService],
})
export class AuthModule {}
