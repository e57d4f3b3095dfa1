import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { TranslocoPipe } from '@jsverse/transloco';
import type { ClusterOrganisation, ClusterSummary, PublicEvent } from '@klasteris/contracts';
import { initialsOf } from '../../shared/countries';
import { AvatarComponent } from '../../shared/ui/avatar.component';
import { CountryPipe } from '../../shared/ui/country.pipe';
import { PublicEventCardComponent } from '../visit/components/public-event-card.component';
import { HomeApi } from './home.api';

const ORG_COLORS: Record<ClusterOrganisation['type'], string> = {
  company: '#0b2d40',
  university: '#6d28d9',
  association: '#0f766e',
  public_body: '#1d4ed8',
  social_partner: '#8a5200',
};

/** The cluster's front door for visitors who are not signed in: what it is, who is in it, how to join. */
@Component({
  selector: 'app-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, MatButtonModule, MatIconModule, TranslocoPipe, AvatarComponent, CountryPipe, PublicEventCardComponent],
  template: `
    <section class="hero" aria-labelledby="home-title">
      <div class="hero-inner">
        <p class="eyebrow">{{ 'home.eyebrow' | transloco }}</p>
        <h1 id="home-title" data-testid="home-title">{{ 'home.title' | transloco }}</h1>
        <p class="lead">{{ 'home.lead' | transloco }}</p>
        <div class="cta">
          <a mat-flat-button class="apply" routerLink="/apply" data-testid="home-apply"
            ><mat-icon aria-hidden="true" fontIcon="add_business" />{{ 'home.apply' | transloco }}</a
          >
          <a mat-stroked-button class="signin" routerLink="/login" data-testid="home-sign-in"
            ><mat-icon aria-hidden="true" fontIcon="login" />{{ 'home.signIn' | transloco }}</a
          >
        </div>
        @if (summary(); as s) {
          <dl class="figures" data-testid="home-figures">
            <div>
              <dt>{{ 'home.figures.members' | transloco }}</dt>
              <dd data-testid="home-members">{{ s.members }}</dd>
            </div>
            <div>
              <dt>{{ 'home.figures.partners' | transloco }}</dt>
              <dd data-testid="home-partners">{{ s.partners }}</dd>
            </div>
            <div>
              <dt>{{ 'home.figures.countries' | transloco }}</dt>
              <dd data-testid="home-countries">{{ s.countries.length }}</dd>
            </div>
          </dl>
        }
      </div>
    </section>

    @if (events(); as list) {
      <section class="band events" aria-labelledby="home-events" data-testid="home-events">
        <div class="band-head">
          <div>
            <h2 id="home-events">{{ 'visit.home.title' | transloco }}</h2>
            <p class="intro">{{ 'visit.home.intro' | transloco }}</p>
          </div>
          <a mat-button routerLink="/visit/events" data-testid="home-events-all"
            >{{ 'visit.home.all' | transloco }}<mat-icon iconPositionEnd aria-hidden="true" fontIcon="arrow_forward"
          /></a>
        </div>
        @if (list.length) {
          <ul class="event-list">
            @for (e of list; track e.id) {
              <li><app-public-event-card [event]="e" /></li>
            }
          </ul>
        } @else {
          <p class="intro" role="status">{{ 'visit.home.empty' | transloco }}</p>
        }
      </section>
    }

    <section class="band" aria-labelledby="home-what">
      <h2 id="home-what">{{ 'home.what.title' | transloco }}</h2>
      <p class="intro">{{ 'home.what.intro' | transloco }}</p>
      <ul class="pillars">
        @for (p of pillars; track p.key) {
          <li class="pillar">
            <mat-icon aria-hidden="true" [fontIcon]="p.icon" />
            <h3>{{ 'home.what.' + p.key + '.title' | transloco }}</h3>
            <p>{{ 'home.what.' + p.key + '.text' | transloco }}</p>
          </li>
        }
      </ul>
    </section>

    <section class="band alt" aria-labelledby="home-who">
      <h2 id="home-who">{{ 'home.who.title' | transloco }}</h2>
      @if (summary(); as s) {
        <p class="intro">
          {{ 'home.who.text' | transloco: { members: s.members, partners: s.partners } }}
          @for (c of s.countries; track c; let last = $last) {
            <span class="country">{{ c | country }}</span>
            @if (!last) {
              ,
            }
          }
          .
        </p>
        <ul class="orgs" data-testid="home-organisations">
          @for (o of s.organisations; track o.id) {
            <li class="org">
              <app-avatar [initials]="initials(o.name)" [color]="colors[o.type]" [size]="40" />
              <span class="org-text">
                <span class="org-name">{{ o.name }}</span>
                <span class="org-meta"
                  >{{ (o.membershipStatus === 'partner' ? 'home.who.partner' : 'home.who.member') | transloco }} ·
                  {{ o.country | country }}</span
                >
              </span>
            </li>
          }
        </ul>
        <a mat-button routerLink="/organisations" data-testid="home-directory"
          >{{ 'home.who.all' | transloco }}<mat-icon iconPositionEnd aria-hidden="true" fontIcon="arrow_forward"
        /></a>
      } @else if (failed()) {
        <p class="intro" role="status">{{ 'home.who.unavailable' | transloco }}</p>
      }
    </section>

    <section class="band join" aria-labelledby="home-join">
      <h2 id="home-join">{{ 'home.join.title' | transloco }}</h2>
      <p class="intro">{{ 'home.join.text' | transloco }}</p>
      <div class="cta">
        <a mat-flat-button routerLink="/apply">{{ 'home.apply' | transloco }}</a>
        <a mat-stroked-button routerLink="/register">{{ 'home.join.register' | transloco }}</a>
      </div>
      <p class="fine">{{ 'home.join.project' | transloco }}</p>
    </section>
  `,
  styles: `
    :host {
      display: block;
    }
    .hero {
      background: linear-gradient(135deg, var(--k-navy) 0%, var(--k-navy-2) 60%, #0d4f5e 100%);
      color: #fff;
    }
    .hero-inner {
      max-width: 1080px;
      margin: 0 auto;
      padding: 56px 24px 48px;
    }
    .eyebrow {
      margin: 0 0 8px;
      color: var(--k-teal-light);
      font-weight: 600;
      letter-spacing: 0.04em;
      text-transform: uppercase;
      font-size: 13px;
    }
    h1 {
      margin: 0;
      font-size: clamp(28px, 4.5vw, 44px);
      line-height: 1.15;
      max-width: 820px;
    }
    .lead {
      font-size: 18px;
      line-height: 1.55;
      max-width: 760px;
      color: #e3edf3;
      margin: 16px 0 24px;
    }
    .cta {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    .hero .apply {
      --mat-button-filled-container-color: var(--k-amber);
      --mat-button-filled-label-text-color: #1d1400;
    }
    .hero .signin {
      --mat-button-outlined-label-text-color: #fff;
      --mat-button-outlined-outline-color: #fff;
      color: #fff;
    }
    .figures {
      display: flex;
      flex-wrap: wrap;
      gap: 32px;
      margin: 36px 0 0;
    }
    .figures div {
      display: flex;
      flex-direction: column-reverse;
    }
    .figures dt {
      color: #cfe0ea;
      font-size: 14px;
    }
    .figures dd {
      margin: 0;
      font-size: 36px;
      font-weight: 700;
    }
    .band {
      max-width: 1080px;
      margin: 0 auto;
      padding: 40px 24px;
    }
    .band h2 {
      margin: 0 0 8px;
      color: var(--k-navy);
      font-size: 26px;
    }
    .intro {
      max-width: 780px;
      line-height: 1.6;
      color: var(--k-text);
    }
    .alt {
      border-top: 1px solid var(--k-border);
    }
    .pillars {
      list-style: none;
      padding: 0;
      margin: 24px 0 0;
      display: grid;
      gap: 16px;
      grid-template-columns: repeat(auto-fill, minmax(230px, 1fr));
    }
    .pillar {
      background: var(--k-card);
      border: 1px solid var(--k-border);
      border-radius: var(--k-radius);
      padding: 20px;
      box-shadow: var(--k-shadow);
    }
    .pillar mat-icon {
      color: var(--k-teal);
      font-size: 32px;
      width: 32px;
      height: 32px;
    }
    .pillar h3 {
      margin: 8px 0 6px;
      font-size: 17px;
      color: var(--k-navy);
    }
    .pillar p {
      margin: 0;
      line-height: 1.5;
      color: var(--k-text-muted);
    }
    .orgs {
      list-style: none;
      padding: 0;
      margin: 20px 0 12px;
      display: grid;
      gap: 12px;
      grid-template-columns: repeat(auto-fill, minmax(240px, 1fr));
    }
    .org {
      display: flex;
      gap: 12px;
      align-items: center;
      background: var(--k-card);
      border: 1px solid var(--k-border);
      border-radius: 12px;
      padding: 10px 12px;
    }
    .org-text {
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .org-name {
      font-weight: 600;
      color: var(--k-navy);
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .org-meta {
      font-size: 13px;
      color: var(--k-text-muted);
    }
    .join {
      text-align: left;
    }
    .band-head {
      display: flex;
      flex-wrap: wrap;
      gap: 8px 24px;
      align-items: flex-end;
      justify-content: space-between;
    }
    .band-head .intro {
      margin: 0;
    }
    .event-list {
      list-style: none;
      padding: 0;
      margin: 20px 0 0;
      display: grid;
      gap: 16px;
      grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
    }
    .events + .band {
      border-top: 1px solid var(--k-border);
    }
    .fine {
      margin-top: 24px;
      font-size: 13px;
      color: var(--k-text-muted);
      max-width: 780px;
    }
  `,
})
export default class HomePage {
  private readonly api = inject(HomeApi);
  protected readonly summary = signal<ClusterSummary | null>(null);
  protected readonly failed = signal(false);
  /** null until loaded (and when the list cannot be had: the section then stays out of the way) */
  protected readonly events = signal<PublicEvent[] | null>(null);
  protected readonly colors = ORG_COLORS;
  protected readonly pillars = [
    { key: 'products', icon: 'rocket_launch' },
    { key: 'markets', icon: 'public' },
    { key: 'infrastructure', icon: 'dns' },
    { key: 'people', icon: 'school' },
  ];

  constructor() {
    this.api.summary().subscribe({ next: (s) => this.summary.set(s), error: () => this.failed.set(true) });
    this.api.upcomingEvents(3).subscribe({ next: (p) => this.events.set(p.items), error: () => this.events.set(null) });
  }

  initials(name: string): string {
    return initialsOf(name);
  }
}
