import { Module } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { SchedulingModule } from '@app/scheduling';
import { LoadersFactory } from './loaders';

@Module({ imports: [AuthModule, SchedulingModule], providers: [LoadersFactory], exports: [LoadersFactory] })
export class LoadersModule {}
