// The unsubscribe link of every Jobbro e-mail; works without logging in (the
// signed token names the user). Opening it shows a button rather than
// unsubscribing at once, because mail scanners open links; mail clients'
// one-click unsubscribe (RFC 8058) POSTs to the same address.
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { UnsubscribeIntent } from "~/modules/notifications/schema";
import { setEmailEnabled, userFromUnsubscribeToken } from "~/modules/notifications/service.server";
import { pageTitle } from "~/lib/meta";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notifications.unsubscribe.title");

export async function loader({ params }: LoaderFunctionArgs) {
  const userId = userFromUnsubscribeToken(params.token ?? "");
  return data({ valid: userId !== null }, { status: userId ? 200 : 400, headers: { "Referrer-Policy": "no-referrer" } });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const userId = userFromUnsubscribeToken(params.token ?? "");
  if (!userId) return data({ done: null, valid: false }, { status: 400 });
  const parsed = UnsubscribeIntent.safeParse(Object.fromEntries(await request.formData()));
  const intent = parsed.success ? parsed.data.intent : "unsubscribe";
  await setEmailEnabled(context.db, userId, intent === "resubscribe");
  return data({ done: intent, valid: true });
}

export default function UnsubscribePage() {
  const { valid } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation();
  if (!valid || result?.valid === false) {
    return (
      <>
        <h1>{t("notifications.unsubscribe.title")}</h1>
        <div className="alert alert-error" role="alert">
          <p className="alert-text">{t("notifications.unsubscribe.invalid")}</p>
        </div>
      </>
    );
  }
  const unsubscribed = result?.done === "unsubscribe";
  return (
    <>
      <h1>{t("notifications.unsubscribe.title")}</h1>
      {result?.done ? (
        <div className="alert alert-success" role="status">
          <p className="alert-text">{unsubscribed ? t("notifications.unsubscribe.done") : t("notifications.unsubscribe.resubscribed")}</p>
        </div>
      ) : (
        <p className="font-lead">{t("notifications.unsubscribe.lead")}</p>
      )}
      <Form method="post">
        <button type="submit" name="intent" value={unsubscribed ? "resubscribe" : "unsubscribe"} className={`button ${unsubscribed ? "button-secondary" : "button-primary"}`}>
          {unsubscribed ? t("notifications.unsubscribe.resubscribe") : t("notifications.unsubscribe.confirm")}
        </button>
      </Form>
    </>
  );
}
