import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { ClusterLeaseService } from './cluster-lease.service';
import { LeaseDoc, LeaseSchema } from './lease.schema';

/** Cluster-wide leases for jobs that must run on one node at a time (outbox worker, scheduled jobs). */
@Module({
  imports: [MongooseModule.forFeature([{ name: LeaseDoc.name, schema: LeaseSchema }])],
  providers: [ClusterLeaseService],
  exports: [ClusterLeaseService],
})
export class LeasesModule {}
