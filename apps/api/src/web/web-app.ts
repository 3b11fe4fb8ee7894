import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';

/** apps/web/dist, built by infra/src/web-build.ts (`npm run up` and `npm test` build it when its sources change). */
export const DEFAULT_WEB_DIST = resolve(__dirname, '..', '..', '..', 'web', 'dist');

const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Serves the web app at /: hashed files under /assets/ with a year-long immutable cache, other files and index.html
 * with no-cache, and index.html for any other GET outside /api (the app's own routes: /dossiers/…, /tasks). Nothing
 * when the app is not built (the API alone still works).
 */
export function webApp(dist = process.env.TDKT_WEB_DIST ?? DEFAULT_WEB_DIST): RequestHandler[] {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) return [];
  const files = express.static(dist, {
    index: false,
    dotfiles: 'ignore',
    fallthrough: true,
    setHeaders: (res, path) =>
      res.setHeader('Cache-Control', path.startsWith(join(dist, 'assets')) ? IMMUTABLE : 'no-cache'),
  });
  const outsideApi = (req: Request) =>
    (req.method === 'GET' || req.method === 'HEAD') && req.path !== '/api' && !req.path.startsWith('/api/');
  return [
    (req: Request, res: Response, next: NextFunction) => (outsideApi(req) ? files(req, res, next) : next()),
    (req: Request, res: Response, next: NextFunction) => {
      // A missing hashed asset is a 404, never the page (a stale tab would otherwise parse HTML as JavaScript).
      if (!outsideApi(req) || req.path.startsWith('/assets/')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    },
  ];
}
