import type { LoggerService } from '@nestjs/common';

/** A Nest application; its close(signal) hands the signal to onApplicationShutdown hooks. */
interface ClosableApp {
  close(signal?: string): Promise<void>;
}

/**
 * On SIGTERM or SIGINT: close the app — the HTTP server stops accepting and finishes the requests
 * under way, BullMQ workers finish their running jobs, pools close — then exit 0, so an
 * orchestrator sees a clean stop. (Nest's own shutdown hooks re-raise the signal instead, which
 * looks like a kill.) Further signals while closing change nothing — Ctrl-C in a terminal reaches
 * every process of the group and the demo then sends SIGTERM too; a stuck close is for SIGKILL.
 */
export function closeGracefullyOnSignals(app: ClosableApp, logger: LoggerService): void {
  let closing = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    logger.log(`${signal} received: finishing the work under way`);
    app.close(signal).then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
