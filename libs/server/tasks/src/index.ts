export * from './lib/attachment.entity';
export * from './lib/attachments.service';
export * from './lib/reports.service';
export * from './lib/task.entities';
export * from './lib/tasks.module';
export * from './lib/tasks.service';
export * from './lib/task-escalation.service';
export * from './lib/escalation-policies.service';
