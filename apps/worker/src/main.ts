import { ConfigError } from '@tdkt/config';
import { startWorker } from './worker';

startWorker()
  .then((w) => {
    console.log(`[worker] polling${w.healthPort !== undefined ? `; health on port ${w.healthPort} (GET /live, /ready)` : ''}`);
    const stop = () => void w.shutdown();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return w.done;
  })
  .catch((e: unknown) => {
    console.error(e instanceof ConfigError ? e.message : e);
    process.exit(1);
  });
