import './tracing';
import { ConfigError } from '@tdkt/config';
import { logger } from '@tdkt/platform';
import { tracing } from '@tdkt/platform/src/observability/tracing';
import { startWorker } from './worker';

startWorker()
  .then((w) => {
    logger('worker').info(
      `polling${w.healthPort !== undefined ? `; health on port ${w.healthPort} (GET /live, /ready, /metrics)` : ''}`,
    );
    const stop = () => void w.shutdown().then(() => tracing()?.shutdown());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return w.done;
  })
  .catch((e: unknown) => {
    console.error(e instanceof ConfigError ? e.message : e);
    process.exit(1);
  });
