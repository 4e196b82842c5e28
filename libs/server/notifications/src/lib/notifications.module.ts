import { Injectable, Module } from '@nestjs/common';
import { CalendarModule } from '@lianzhang/server/calendar';
import { JobHandler, type HandlesJob } from '@lianzhang/server/core';
import type { Job } from 'bullmq';
import { DeliveryService, type SendResult } from './delivery.service';
import { NotificationsService } from './notifications.service';

/** Writing notifications and deliveries; imported by the features that notify. */
@Module({ providers: [NotificationsService], exports: [NotificationsService] })
export class NotificationsModule {}

@Injectable()
@JobHandler('delivery.send')
export class SendDeliveryHandler implements HandlesJob<'delivery.send', SendResult> {
  constructor(private readonly deliveries: DeliveryService) {}

  handle(job: Job<{ deliveryId: string }>): Promise<SendResult> {
    return this.deliveries.send(job.data.deliveryId);
  }
}

@Injectable()
@JobHandler('delivery.reconcile')
export class ReconcileDeliveriesHandler
  implements HandlesJob<'delivery.reconcile', { requeued: number }>
{
  constructor(private readonly deliveries: DeliveryService) {}

  handle(): Promise<{ requeued: number }> {
    return this.deliveries.reconcile();
  }
}

@Injectable()
@JobHandler('delivery.digest')
export class DigestHandler implements HandlesJob<'delivery.digest', unknown> {
  constructor(private readonly deliveries: DeliveryService) {}

  handle(): Promise<unknown> {
    return this.deliveries.digest();
  }
}

/** Processors of the delivery queue; imported by apps/worker only. */
@Module({
  imports: [NotificationsModule, CalendarModule],
  providers: [DeliveryService, SendDeliveryHandler, ReconcileDeliveriesHandler, DigestHandler],
})
export class DeliveryJobsModule {}
