import { Body, Controller, Get, Param, Patch, Query, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { ClusterSummary, Organisation, Page, PersonSummary } from '@klasteris/contracts';
import { Authenticated, CurrentUser, Public } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { PageQueryDto, pageLimit } from '../../common/pagination';
import { OrganisationListQueryDto, PeopleLookupQueryDto, PeopleQueryDto, UpdateOrganisationDto } from './dto/organisations.dto';
import { OrganisationsService } from './organisations.service';

type MaybeAuthed = { user?: AuthUser };

@ApiTags('directory')
@Controller()
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  /** Public directory of member and partner organisations. */
  @Public()
  @Get('organisations')
  list(@Req() req: MaybeAuthed, @Query() q: OrganisationListQueryDto): Promise<Page<Organisation>> {
    return this.organisations.list(req.user, {
      q: q.q,
      country: q.country,
      type: q.type,
      sector: q.sector,
      membershipStatus: q.membershipStatus,
      cursor: q.cursor,
      limit: pageLimit(q),
    });
  }

  /** The cluster at a glance for the visitor's front page (declared before `organisations/:id`). */
  @Public()
  @Get('organisations/summary')
  summary(): Promise<ClusterSummary> {
    return this.organisations.summary();
  }

  @Public()
  @Get('organisations/:id')
  async get(@Req() req: MaybeAuthed, @Param('id', ObjectIdPipe) id: string): Promise<{ organisation: Organisation }> {
    return { organisation: await this.organisations.get(req.user, id) };
  }

  @Authenticated()
  @Patch('organisations/:id')
  async update(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: UpdateOrganisationDto,
  ): Promise<{ organisation: Organisation }> {
    return { organisation: await this.organisations.update(me, id, body) };
  }

  @Authenticated()
  @Get('organisations/:id/people')
  orgPeople(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string, @Query() q: PageQueryDto): Promise<Page<PersonSummary>> {
    return this.organisations.people(me, { organisationId: id, cursor: q.cursor, limit: pageLimit(q) });
  }

  /** Names of people by id, whatever their status now (authors of old messages, former members). */
  @Authenticated()
  @Get('people/lookup')
  async lookup(@Query() q: PeopleLookupQueryDto): Promise<{ items: PersonSummary[] }> {
    return { items: await this.organisations.lookupPeople(q.ids) };
  }

  /** People of the cluster, searchable by name, country and expertise. */
  @Authenticated()
  @Get('people')
  people(@CurrentUser() me: AuthUser, @Query() q: PeopleQueryDto): Promise<Page<PersonSummary>> {
    return this.organisations.people(me, { ...q, limit: pageLimit(q) });
  }
}
