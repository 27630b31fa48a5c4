import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { UsersService } from '@app/auth';

/** ADMIN_EMAIL/ADMIN_PASSWORD always log in after a start, so a fresh database is usable. */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  constructor(private readonly users: UsersService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.users.ensureAdmin();
  }
}
