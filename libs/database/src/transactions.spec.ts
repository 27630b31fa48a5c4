import type { DataSource, EntityManager } from 'typeorm';
import { Transactions } from './transactions';

/** Only the listener bookkeeping is under test here; the real commit is PostgreSQL's (response-cache e2e spec). */
function transactionsOver(events: string[]): Transactions {
  const dataSource = {
    transaction: async <T>(work: (manager: EntityManager) => Promise<T>) => {
      const result = await work({} as EntityManager);
      events.push('commit');
      return result;
    },
  } as unknown as DataSource;
  return new Transactions(dataSource);
}

describe('Transactions.onCommitted', () => {
  it('runs every listener after the commit and before run returns', async () => {
    const events: string[] = [];
    const transactions = transactionsOver(events);
    transactions.onCommitted(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      events.push('listener');
    });
    await transactions.run(async () => events.push('work'));
    events.push('returned');
    expect(events).toEqual(['work', 'commit', 'listener', 'returned']);
  });

  it('leaves the listeners out for a transaction that changes no public data', async () => {
    const events: string[] = [];
    const transactions = transactionsOver(events);
    transactions.onCommitted(async () => void events.push('listener'));
    await transactions.run(async () => events.push('work'), { changesPublicData: false });
    expect(events).toEqual(['work', 'commit']);
  });

  it('runs no listener when the work fails, and a failing listener does not fail the committed run', async () => {
    const events: string[] = [];
    const transactions = transactionsOver(events);
    transactions.onCommitted(async () => {
      events.push('listener');
      throw new Error('redis away');
    });
    await expect(transactions.run(async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    expect(events).toEqual([]);
    await expect(transactions.run(async () => 'done')).resolves.toBe('done');
    expect(events).toEqual(['commit', 'listener']);
  });
});
