import './tracing';
import { ConfigError, loadConfig } from '@tdkt/config';
import { logger } from '@tdkt/platform';
import { tracing } from '@tdkt/platform/src/observability/tracing';
import { createApi } from './api';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApi();
  await app.listen(config.api.port, config.api.host);
  logger('api').info(`listening on http://${config.api.host}:${config.api.port}/api`);
  const stop = () =>
    void app.close().then(async () => {
      await tracing()?.shutdown();
      process.exit(0);
    });
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});
