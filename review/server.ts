/**
 * `jixiao review`: a local web server over a database that `extract --db` loaded, where a reviewer walks
 * through the flagged fields, looks at the pixels each came from, and accepts or corrects it.
 */
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { serve, type ServerType } from '@hono/node-server';
import { loadAssets } from './assets.js';
import { CropRenderer, type CropOptions } from './crop.js';
import { createReviewApp } from './routes.js';
import { isLoopback, loopbackHosts, newToken, type AccessRules } from './security.js';
import type { ReviewStore } from './store.js';
import { DEFAULT_REVIEW_HOST, DEFAULT_REVIEW_PORT } from './defaults.js';

/** Options of `startReviewServer`. */
export interface ReviewServerOptions {
  store: ReviewStore;
  /**
   * The address to listen on. Anything but a loopback address requires the token on every request.
   * @default '127.0.0.1'
   */
  host?: string;
  /**
   * The port; 0 takes a free one.
   * @default 8377
   */
  port?: number;
  /**
   * Who the corrections are recorded as.
   * @default the operating system's user name
   */
  reviewer?: string;
  /**
   * The token (for tests); a new random one otherwise.
   * @default a random 32-byte token
   */
  token?: string;
  /** @default DEFAULT_CROP_OPTIONS */
  crops?: Partial<CropOptions>;
}

export { DEFAULT_REVIEW_HOST, DEFAULT_REVIEW_PORT } from './defaults.js';

export interface ReviewServer {
  /** The address to open: with `?token=…` when the token is required. */
  url: string;
  host: string;
  port: number;
  token: string;
  reviewer: string;
  /** Stop listening and release the crop renderer (the store is the caller's). */
  close(): Promise<void>;
}

/** The operating system's user name, or `unknown` where it has none (a container without a passwd entry). */
export function osUser(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const host = options.host ?? DEFAULT_REVIEW_HOST;
  const reviewer = options.reviewer ?? osUser();
  const token = options.token ?? newToken();
  const loopback = isLoopback(host);
  const rules: AccessRules = { token, requireToken: !loopback, allowedHosts: null };
  const crops = new CropRenderer(options.crops);
  const app = createReviewApp({ store: options.store, crops, assets: loadAssets(), rules, reviewer });
  const server = await listen(app.fetch, host, options.port ?? DEFAULT_REVIEW_PORT);
  const port = (server.address() as AddressInfo).port;
  if (loopback) rules.allowedHosts = loopbackHosts(host, port);
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}/${loopback ? '' : `?token=${token}`}`,
    host,
    port,
    token,
    reviewer,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections open: close them, or `close` waits for them to time out.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      await crops.close();
    },
  };
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], hostname: string, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, hostname, port }, () => resolve(server));
    server.once('error', (error: NodeJS.ErrnoException) => {
      const why = error.code === 'EADDRINUSE' ? `port ${port} is in use (--port 0 takes a free one)` : error.message;
      reject(new Error(`Expected to listen on ${hostname}:${port}, got: ${why}`));
    });
  });
}
