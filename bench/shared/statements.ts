import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * Counts SQL statements, so the report states how many round trips one request really costs rather
 * than what the code is believed to do. The API's TypeORM DataSource logs into one; each pg side
 * counts its own statements in another, so the run can prove both sides send as many.
 */
export class StatementCounter implements TypeOrmLogger {
  count = 0;
  private recorded: string[] | null = null;

  logQuery(query: string): void {
    this.count++;
    this.recorded?.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}

  /** The statements sent while `action` ran, in order; only meaningful while nothing else runs. */
  async record<T>(action: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
    const statements: string[] = [];
    this.recorded = statements;
    try {
      return { result: await action(), statements };
    } finally {
      this.recorded = null;
    }
  }
}
