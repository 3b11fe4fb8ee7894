/**
 * The API's logs and metrics at the HTTP edge: one JSON access line per request (method, route, status, duration,
 * request id, actor id; never the query string nor a body), the request-duration histogram, the actor put into the
 * log context once the guard has authenticated it, and GET /metrics (Prometheus text; outside /api, not in the
 * OpenAPI; METRICS_TOKEN, when set, is required as a bearer token).
 */
import { timingSafeEqual } from 'node:crypto';
import { Injectable, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import type { Observable } from 'rxjs';
import { httpDuration, logContext, logger, metricsText, METRICS_CONTENT_TYPE } from '@tdkt/platform';
import type { Actor } from '@tdkt/domain';
import { requestIdOf } from './request-context';

type AuthedRequest = Request & { actor?: Actor };

/** The route template Nest matched (`/api/dossiers/:id`), never the path itself with its ids; `unmatched` for a 404. */
function routeOf(req: Request): string {
  const path = (req.route as { path?: unknown } | undefined)?.path;
  if (typeof path === 'string') return path;
  return req.originalUrl.split('?')[0].startsWith('/api') ? 'unmatched' : 'web';
}

/** Access log and request metrics, written when the response is finished. */
export function accessLog(req: AuthedRequest, res: Response, next: NextFunction): void {
  const started = performance.now();
  res.once('finish', () => {
    const seconds = (performance.now() - started) / 1000;
    const route = routeOf(req);
    httpDuration.observe({ method: req.method, route, status: String(res.statusCode) }, seconds);
    if (route === 'web' || route === '/api/health/live' || route === '/api/health/ready') return;
    logger('http').info(
      {
        requestId: requestIdOf(res),
        ...(req.actor ? { actorId: req.actor.userId } : {}),
        method: req.method,
        route,
        status: res.statusCode,
        ms: Math.round(seconds * 1000),
      },
      `${req.method} ${route} ${res.statusCode}`,
    );
  });
  next();
}

/** After the guard: the authenticated actor's id joins the request's log context (and the Temporal header). */
@Injectable()
export class ActorLogContextInterceptor implements NestInterceptor {
  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const actor = ctx.switchToHttp().getRequest<AuthedRequest>().actor;
    if (actor) logContext.set({ actorId: actor.userId });
    return next.handle();
  }
}

const sameToken = (given: string, expected: string) =>
  given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));

/** GET /metrics: this process's metrics in Prometheus' text format. */
export function metricsEndpoint(token = process.env.METRICS_TOKEN?.trim() || undefined) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.path !== '/' && req.path !== '') return next();
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (token && !sameToken((req.headers.authorization ?? '').replace(/^Bearer /, ''), token)) {
      res.status(401).type('text/plain').send('metrics need the METRICS_TOKEN bearer token\n');
      return;
    }
    void metricsText().then(
      (text) => res.status(200).type(METRICS_CONTENT_TYPE).setHeader('cache-control', 'no-store').send(text),
      () => res.status(500).type('text/plain').send('metrics unavailable\n'),
    );
  };
}
