import type http from 'node:http';

/** A request handler, sync or async, for node:http or node:https servers alike. */
export type RequestHandler = (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>;

/** Thrown by a handler for a request it cannot make sense of: answered 400 instead of 500. */
export class BadRequestError extends Error {}

export interface GuardOptions {
  /**
   * Writes the error answer (the server's own headers and body). Only called before headers are sent; it
   * must not say what failed. If it throws, the connection is dropped instead.
   */
  respond?: (res: http.ServerResponse, status: 400 | 500) => void;
  /** Where the operator sees what failed; never sent to the client. */
  log?: (line: string) => void;
}

function defaultRespond(res: http.ServerResponse, status: 400 | 500): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', Connection: 'close' });
  res.end(status === 400 ? 'Bad request\n' : 'Internal error\n');
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/**
 * Wraps a handler so that nothing it throws or rejects can end the process: any web page can make the
 * browser send requests to 127.0.0.1, so one bad request must cost at most its own connection.
 * The failure is logged, the client gets a bare 400/500 (or, once headers are out, a closed connection),
 * and nothing is rethrown.
 */
export function guardedHandler(handler: RequestHandler, options: GuardOptions = {}): (req: http.IncomingMessage, res: http.ServerResponse) => void {
  const respond = options.respond ?? defaultRespond;
  const log = options.log ?? ((line: string) => void process.stderr.write(line + '\n'));

  const onFailure = (req: http.IncomingMessage, res: http.ServerResponse, error: unknown): void => {
    const status = error instanceof BadRequestError || error instanceof URIError ? 400 : 500;
    try {
      // The method is from a fixed token grammar; the target is left out (it is attacker-chosen).
      log(`request handler failed (${String(req.method).slice(0, 16)}): ${describe(error)}`);
    } catch {
      // A broken log must not turn into a crash either.
    }
    try {
      if (!res.headersSent && !res.writableEnded) {
        respond(res, status);
        return;
      }
    } catch {
      // fall through to dropping the connection
    }
    res.destroy();
  };

  return (req, res) => {
    try {
      const pending = handler(req, res);
      if (pending) pending.catch((error: unknown) => onFailure(req, res, error));
    } catch (error) {
      onFailure(req, res, error);
    }
  };
}
