// Server rendering: each request gets its own i18next instance in its language
// and the CSP nonce that app/server/app.ts put into the load context.
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { createI18n } from "~/i18n/i18next";
import { getLanguage } from "~/lib/language.server";
import { createLogger } from "~/lib/logger.server";
import { NonceProvider } from "~/lib/nonce";

const log = createLogger("web");

/**
 * Server errors go to the structured log. Answers the app chose on purpose
 * (404 for an unknown page, 403, 400) and requests the browser abandoned are
 * not errors of ours.
 */
export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  if (isRouteErrorResponse(error) && error.status < 500) return;
  const err = error instanceof Error ? error : new Error(String(error));
  log.error({ err: { message: err.message, stack: err.stack }, method: request.method, path: new URL(request.url).pathname }, "request failed");
}

export const streamTimeout = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const i18n = createI18n(await getLanguage(request));
  const nonce = loadContext?.cspNonce ?? "";
  // Bots and SPA mode get the whole document at once; browsers get it streamed.
  const waitForAll = isbot(request.headers.get("user-agent") ?? "") || remixContext.isSpaMode;

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const onReady = () => {
      shellRendered = true;
      const body = new PassThrough();
      responseHeaders.set("Content-Type", "text/html; charset=utf-8");
      resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
      pipe(body);
    };
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <I18nextProvider i18n={i18n}>
          <RemixServer context={remixContext} url={request.url} nonce={nonce} />
        </I18nextProvider>
      </NonceProvider>,
      {
        nonce,
        onShellReady: waitForAll ? undefined : onReady,
        onAllReady: waitForAll ? onReady : undefined,
        onShellError: reject,
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are already in the stream; log them once here.
          if (shellRendered) handleError(error, { request });
        },
      },
    );
    setTimeout(abort, streamTimeout + 1000);
  });
}
