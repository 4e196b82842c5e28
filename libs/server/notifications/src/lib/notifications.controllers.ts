import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Module,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  createDeliveryEndpointSchema,
  deliveryListQuerySchema,
  markNotificationsReadSchema,
  notificationListQuerySchema,
  notificationPreferencesSchema,
  outboundAllowHostSchema,
  updateDeliveryEndpointSchema,
  type CreateDeliveryEndpointRequest,
  type DeliveryDto,
  type DeliveryEndpointDto,
  type DeliveryListQuery,
  type MarkNotificationsReadRequest,
  type NotificationDto,
  type NotificationListQuery,
  type NotificationPreferencesDto,
  type NotificationPreferencesRequest,
  type OutboundAllowHostDto,
  type OutboundAllowHostRequest,
  type Page,
  type UpdateDeliveryEndpointRequest,
} from '@lianzhang/contracts';
import {
  Authenticated,
  CurrentUser,
  uuidParam,
  ZodValidationPipe,
  type AuthenticatedUser,
} from '@lianzhang/server/core';
import { concat, defer, from, interval, map, merge, switchMap, type Observable } from 'rxjs';
import { z } from 'zod';
import { DeliveryAdminService } from './delivery-admin.service';
import { InboxService } from './inbox.service';
import { NotificationStreamService } from './notification-stream.service';
import { NotificationsModule } from './notifications.module';
import { QueueBoardController } from './queue-board';

const preferencesWithVersion = notificationPreferencesSchema
  .extend({ version: z.number().int().min(0) })
  .strict();

/** Heartbeat of the stream: keeps proxies from closing an idle connection. */
const HEARTBEAT_MS = 25_000;

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly inbox: InboxService,
    private readonly stream: NotificationStreamService,
  ) {}

  @Authenticated('me:read')
  @Get()
  @ApiOperation({ summary: 'The caller’s own inbox, newest first' })
  list(
    @CurrentUser() user: AuthenticatedUser,
    @Query(new ZodValidationPipe(notificationListQuerySchema)) query: NotificationListQuery,
  ): Promise<Page<NotificationDto>> {
    return this.inbox.list(user, query);
  }

  @Authenticated('me:read')
  @Get('unread-count')
  @ApiOperation({ summary: 'How many of the caller’s notifications are unread' })
  async unread(@CurrentUser() user: AuthenticatedUser): Promise<{ unread: number }> {
    return { unread: await this.inbox.unread(user.id) };
  }

  @Authenticated('me:read')
  @Post('read')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark some (ids) or all of the caller’s notifications read' })
  markRead(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(markNotificationsReadSchema)) request: MarkNotificationsReadRequest,
  ): Promise<{ updated: number; unread: number }> {
    return this.inbox.markRead(user, request);
  }

  @Authenticated('me:read')
  @Sse('stream')
  @ApiOperation({
    summary:
      'Server-sent events: `unread` with the count at once, after each new notification and every 25 s',
  })
  events(@CurrentUser() user: AuthenticatedUser): Observable<MessageEvent> {
    const count = () =>
      defer(() => from(this.inbox.unread(user.id))).pipe(
        map((unread) => ({ type: 'unread', data: { unread } }) as MessageEvent),
      );
    return concat(
      count(),
      merge(this.stream.forUser(user.id), interval(HEARTBEAT_MS)).pipe(switchMap(count)),
    );
  }

  @Authenticated('me:read')
  @Get('preferences')
  @ApiOperation({ summary: 'The caller’s e-mail address, channels and daily digest' })
  preferences(@CurrentUser() user: AuthenticatedUser): Promise<NotificationPreferencesDto> {
    return this.inbox.preferences(user);
  }

  @Authenticated('me:read')
  @Put('preferences')
  @ApiOperation({ summary: 'Set the caller’s preferences (version 0 the first time)' })
  setPreferences(
    @CurrentUser() user: AuthenticatedUser,
    @Body(new ZodValidationPipe(preferencesWithVersion))
    request: NotificationPreferencesRequest & { version: number },
  ): Promise<NotificationPreferencesDto> {
    return this.inbox.setPreferences(user, request);
  }
}

@ApiTags('deliveries')
@Controller('admin')
export class DeliveryAdminController {
  constructor(private readonly admin: DeliveryAdminService) {}

  @Authenticated('delivery:manage')
  @Get('delivery-endpoints')
  @ApiOperation({ summary: 'Group robots and webhooks, province-wide and per chain' })
  endpoints(): Promise<DeliveryEndpointDto[]> {
    return this.admin.endpoints();
  }

  @Authenticated('delivery:manage')
  @Post('delivery-endpoints')
  @ApiOperation({ summary: 'Add a robot or webhook (its URL passes the SSRF check)' })
  create(
    @Body(new ZodValidationPipe(createDeliveryEndpointSchema))
    request: CreateDeliveryEndpointRequest,
  ): Promise<DeliveryEndpointDto> {
    return this.admin.createEndpoint(request);
  }

  @Authenticated('delivery:manage')
  @Patch('delivery-endpoints/:id')
  update(
    @Param('id', uuidParam()) id: string,
    @Body(new ZodValidationPipe(updateDeliveryEndpointSchema))
    request: UpdateDeliveryEndpointRequest,
  ): Promise<DeliveryEndpointDto> {
    return this.admin.updateEndpoint(id, request);
  }

  @Authenticated('delivery:manage')
  @Delete('delivery-endpoints/:id')
  @HttpCode(204)
  async remove(@Param('id', uuidParam()) id: string): Promise<void> {
    await this.admin.removeEndpoint(id);
  }

  @Authenticated('delivery:manage')
  @Get('outbound-allow-hosts')
  @ApiOperation({ summary: 'Hosts outgoing calls may reach despite the SSRF guard' })
  allowHosts(): Promise<OutboundAllowHostDto[]> {
    return this.admin.allowHosts();
  }

  @Authenticated('delivery:manage')
  @Post('outbound-allow-hosts')
  @HttpCode(200)
  allow(
    @Body(new ZodValidationPipe(outboundAllowHostSchema)) request: OutboundAllowHostRequest,
  ): Promise<OutboundAllowHostDto[]> {
    return this.admin.allowHost(request);
  }

  @Authenticated('delivery:manage')
  @Delete('outbound-allow-hosts/:host')
  @HttpCode(204)
  async disallow(@Param('host') host: string): Promise<void> {
    await this.admin.disallowHost(host);
  }

  @Authenticated('delivery:manage')
  @Get('deliveries')
  @ApiOperation({ summary: 'Deliveries with every attempt; `status=dead` is the dead letter' })
  deliveries(
    @Query(new ZodValidationPipe(deliveryListQuerySchema)) query: DeliveryListQuery,
  ): Promise<Page<DeliveryDto>> {
    return this.admin.deliveries(query);
  }

  @Authenticated('delivery:manage')
  @Post('deliveries/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a dead delivery again' })
  retry(@Param('id', uuidParam()) id: string): Promise<{ status: 'pending' }> {
    return this.admin.retry(id);
  }
}

/** Controllers; imported by apps/api only. */
@Module({
  imports: [NotificationsModule],
  providers: [InboxService, NotificationStreamService, DeliveryAdminService],
  controllers: [NotificationsController, DeliveryAdminController, QueueBoardController],
})
export class NotificationsHttpModule {}
