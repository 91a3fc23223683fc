/**
 * Starts OneCity: config → buildApp() → listen, and shuts down gracefully on SIGTERM/SIGINT
 * (in-flight requests finish, jobs stop, the database closes).
 */
import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const startedAt = performance.now();
  const built = await buildApp({ config });
  await built.app.listen({ port: config.port, host: config.host });
  built.app.log.info(
    {
      url: config.publicUrl,
      database: built.handle.driver,
      readyInMs: Math.round(performance.now() - startedAt),
      rssMiB: Math.round(process.memoryUsage().rss / 1048576),
    },
    `OneCity is ready at ${config.publicUrl}`,
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    built.app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      built.app.log.error('shutdown timed out');
      process.exit(1);
    }, config.shutdownTimeoutMs);
    timer.unref();
    built
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        built.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`OneCity failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
