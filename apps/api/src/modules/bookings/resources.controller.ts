import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { AvailabilityResponse, Page, Resource, TimelineRow } from '@klasteris/contracts';
import { Authenticated, CurrentUser } from '../../common/auth.decorators';
import type { AuthUser } from '../../common/auth-user';
import { ObjectIdPipe } from '../../common/object-id';
import { pageLimit } from '../../common/pagination';
import { AvailabilityQueryDto, CreateResourceDto, ResourceListQueryDto, TimelineQueryDto, UpdateResourceDto } from './dto/resources.dto';
import { ResourcesService } from './resources.service';

@ApiTags('bookings')
@Authenticated()
@Controller('resources')
export class ResourcesController {
  constructor(private readonly resources: ResourcesService) {}

  @Get()
  list(@CurrentUser() me: AuthUser, @Query() q: ResourceListQueryDto): Promise<Page<Resource>> {
    return this.resources.list(me, { ...q, limit: pageLimit(q) });
  }

  @Post()
  async create(@CurrentUser() me: AuthUser, @Body() body: CreateResourceDto): Promise<{ resource: Resource }> {
    return { resource: await this.resources.create(me, body) };
  }

  /** Many resources over a day or a week: a page of rows with busy segments; fetch further pages as rows come into view. */
  @Get('timeline')
  timeline(@CurrentUser() me: AuthUser, @Query() q: TimelineQueryDto): Promise<Page<TimelineRow>> {
    return this.resources.timeline(me, { ...q, limit: pageLimit(q) });
  }

  @Get(':id')
  async get(@CurrentUser() me: AuthUser, @Param('id', ObjectIdPipe) id: string): Promise<{ resource: Resource }> {
    return { resource: await this.resources.get(me, id) };
  }

  @Patch(':id')
  async update(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Body() body: UpdateResourceDto,
  ): Promise<{ resource: Resource }> {
    return { resource: await this.resources.update(me, id, body) };
  }

  @Get(':id/availability')
  availability(
    @CurrentUser() me: AuthUser,
    @Param('id', ObjectIdPipe) id: string,
    @Query() q: AvailabilityQueryDto,
  ): Promise<AvailabilityResponse> {
    return this.resources.availability(me, id, q.from, q.to);
  }
}
