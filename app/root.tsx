import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorPage } from "~/components/ErrorPage";
import { SiteFooter } from "~/components/layout/SiteFooter";
import { SiteHeader, type HeaderUser } from "~/components/layout/SiteHeader";
import { isLanguage, DEFAULT_LANGUAGE } from "~/i18n/config";
import { getOptionalUser } from "~/modules/auth/guards.server";
import { getLanguage } from "~/lib/language.server";
import { pageTitle } from "~/lib/meta";
import { useNonce } from "~/lib/nonce";
import appStyles from "~/styles/app.css";

export const links: LinksFunction = () => [
  // DKFDS, virk.dk theme (for businesses), served by app/server/app.ts from node_modules.
  { rel: "stylesheet", href: "/dkfds/css/dkfds-virkdk.min.css" },
  { rel: "stylesheet", href: appStyles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const [lang, user] = await Promise.all([getLanguage(request), getOptionalUser(request)]);
  const headerUser: HeaderUser | null = user
    ? { name: user.name, organisationName: user.organisation.name, organisationKind: user.organisation.kind }
    : null;
  return { lang, user: headerUser };
}

export const meta: MetaFunction<typeof loader> = ({ matches }) => pageTitle(matches, "meta.title");

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const { i18n } = useTranslation();
  const nonce = useNonce();
  // Without loader data (the root loader failed) the language the server
  // rendering was set up with still applies.
  const lang = data?.lang ?? (isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE);
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SkipLink />
        <SiteHeader user={data?.user ?? null} language={lang} />
        <main id="main-content" tabIndex={-1}>
          <div className="container page-container">{children}</div>
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skipnav" href="#main-content">
      {t("layout.skipLink")}
    </a>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
