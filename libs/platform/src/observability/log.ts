/**
 * Structured JSON logs (pino) for the API, the worker and the CLI: one line per event, with the request id and the
 * actor id of the command being handled (from the request context, which follows a command from HTTP into the
 * workflow and its activities through a Temporal header), and never personal data: values under the keys in
 * REDACTED_KEYS are replaced at any depth, and no line is built from a request body or query string.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Level, type Logger } from 'pino';

/** What a log line says about the command it was written for. */
export interface LogContext {
  requestId?: string;
  actorId?: string;
  workflowId?: string;
  activity?: string;
}

const store = new AsyncLocalStorage<LogContext>();

export const logContext = {
  /** Runs `fn` with `ctx` as the context of every log line (and Temporal call) made inside it. */
  run<T>(ctx: LogContext, fn: () => T): T {
    return store.run({ ...ctx }, fn);
  },
  current(): LogContext | undefined {
    return store.getStore();
  },
  /** Adds fields to the current context (the actor, once the request is authenticated); nothing outside one. */
  set(fields: LogContext): void {
    const ctx = store.getStore();
    if (ctx) Object.assign(ctx, fields);
  },
};

/**
 * Keys whose values are personal data or secrets: redacted wherever they appear in a logged object (up to five levels
 * deep), e.g. a command's nominee, a token. Add a key here when a new field carries personal data.
 */
export const REDACTED_KEYS = [
  'nominee',
  'nominees',
  'fullName',
  'name',
  'citizenId',
  'citizenIdHash',
  'birthDate',
  'dateOfBirth',
  'address',
  'phone',
  'email',
  'achievements',
  'authorization',
  'cookie',
  'password',
  'token',
  'accessToken',
  'approve',
  'choice',
  'secretBallots',
] as const;

const DEPTH = 5;
const redactPaths = REDACTED_KEYS.flatMap((key) =>
  Array.from({ length: DEPTH }, (_, depth) => [...Array<string>(depth).fill('*'), key].join('.')),
);

const LEVELS: readonly Level[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'];
/** LOG_LEVEL: fatal, error, warn, info (default), debug or trace. */
export function logLevel(env: Record<string, string | undefined> = process.env): Level {
  const level = env.LOG_LEVEL?.trim().toLowerCase();
  return LEVELS.includes(level as Level) ? (level as Level) : 'info';
}

let destination: DestinationStream = process.stdout;
let levelOverride: Level | undefined;
let root: Logger | undefined;

/** The process's logger: JSON to stdout, with the current request context on every line. */
export function rootLogger(): Logger {
  root ??= pino(
    {
      level: levelOverride ?? logLevel(),
      base: { service: process.env.TDKT_SERVICE_NAME ?? serviceName },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: redactPaths, censor: '[redacted]' },
      // Only the error's class and code: a driver's message may quote the value it refused.
      serializers: {
        err: (e: unknown) =>
          e instanceof Error
            ? {
                type: e.name,
                ...(typeof (e as { code?: unknown }).code === 'string'
                  ? { code: (e as unknown as { code: string }).code }
                  : {}),
              }
            : { type: typeof e },
      },
      mixin: () => ({ ...(store.getStore() ?? {}) }),
    },
    destination,
  );
  return root;
}

let serviceName = 'tdkt';
/** Names the process in every line (`service`): tdkt-api, tdkt-worker. */
export function setServiceName(name: string): void {
  serviceName = name;
  root = undefined;
}

/** Tests: send the lines to another stream (and back with `process.stdout`). */
export function setLogDestination(stream: DestinationStream, level?: Level): void {
  destination = stream;
  levelOverride = level;
  root = undefined;
}

export function logger(component: string): Logger {
  return rootLogger().child({ component });
}

/** NestJS's start-up chatter (modules loaded, routes mapped): debug, not info. */
const NEST_INTERNALS = new Set([
  'NestFactory',
  'InstanceLoader',
  'RoutesResolver',
  'RouterExplorer',
  'NestApplication',
  'NestApplicationContext',
]);

/** Nest's LoggerService on pino: `new Logger('access').warn(…)` becomes {"level":"warn","component":"access",…}. */
export class NestPinoLogger implements LoggerService {
  log(message: unknown, ...rest: unknown[]): void {
    const ctx = contextOf(rest);
    this.write(NEST_INTERNALS.has(ctx ?? '') ? 'debug' : 'info', message, ctx);
  }
  error(message: unknown, ...rest: unknown[]): void {
    // Nest calls error(message, stack?, context?)
    const ctx = contextOf(rest);
    const stack = rest.length > 1 && typeof rest[0] === 'string' ? rest[0] : undefined;
    this.write('error', message, ctx, stack);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, contextOf(rest));
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, contextOf(rest));
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, contextOf(rest));
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, contextOf(rest));
  }

  private write(level: Level, message: unknown, component?: string, stack?: string): void {
    const log = rootLogger();
    const fields = { component: component ?? 'nest', ...(stack ? { stack } : {}) };
    if (message instanceof Error) log[level]({ ...fields, err: message }, message.name);
    else if (typeof message === 'object' && message !== null) log[level]({ ...fields, data: message }, 'object');
    else log[level](fields, String(message));
  }
}

const contextOf = (rest: unknown[]): string | undefined => {
  const last = rest[rest.length - 1];
  return typeof last === 'string' ? last : undefined;
};
