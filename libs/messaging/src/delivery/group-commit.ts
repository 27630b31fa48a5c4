/** One item's outcome in a batch: its value, or the error that stopped it alone. */
export type Settled<O> = { value: O } | { error: unknown };

/**
 * Group commit: callers submit one item each and wait for their own outcome; items that arrive
 * while a batch is running wait for it and then go together in the next. Nothing waits on a timer:
 * alone, an item starts on the next turn of the event loop; under load, batches grow by themselves
 * to as many items as arrived during one batch's round trips (at most `maxBatch`).
 *
 * `run` settles every item of its batch. If it throws instead, each item is run again in a batch
 * of its own, so one bad item fails alone, as it would without batching.
 */
export class GroupCommit<I, O> {
  private waiting: { item: I; resolve: (value: O) => void; reject: (error: unknown) => void }[] = [];
  private running = 0;
  private scheduled = false;

  constructor(
    private readonly run: (items: I[]) => Promise<Settled<O>[]>,
    private readonly maxBatch: number,
    /** Batches in flight at once: each holds a database connection for its round trips. */
    private readonly maxRunning = 1,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running >= this.maxRunning || this.waiting.length === 0) return;
    this.scheduled = true;
    // One turn of the event loop, so that items submitted by the same tick's callbacks share the batch.
    setImmediate(() => {
      this.scheduled = false;
      while (this.running < this.maxRunning && this.waiting.length > 0) void this.start(this.waiting.splice(0, this.maxBatch));
    });
  }

  private async start(batch: GroupCommit<I, O>['waiting']): Promise<void> {
    this.running++;
    try {
      let outcomes: Settled<O>[];
      try {
        outcomes = await this.run(batch.map((entry) => entry.item));
      } catch (error) {
        outcomes = batch.length === 1 ? [{ error }] : await Promise.all(batch.map((entry) => this.alone(entry.item)));
      }
      batch.forEach((entry, i) => {
        const outcome = outcomes[i];
        if ('value' in outcome) entry.resolve(outcome.value);
        else entry.reject(outcome.error);
      });
    } catch (error) {
      for (const entry of batch) entry.reject(error);
    } finally {
      this.running--;
      this.schedule();
    }
  }

  private async alone(item: I): Promise<Settled<O>> {
    try {
      return (await this.run([item]))[0];
    } catch (error) {
      return { error };
    }
  }
}
