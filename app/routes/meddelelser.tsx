import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ListPage } from "~/components/ListPage";
import { describeNotification } from "~/modules/notifications/render";
import { NotificationsIntent } from "~/modules/notifications/schema";
import { listNotifications, markAllNotificationsRead, setEmailEnabled } from "~/modules/notifications/service.server";
import { requireUser } from "~/modules/auth/guards.server";
import { formatDate } from "~/lib/format";
import { pageTitle } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "notifications.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return listNotifications(context.db, user.id);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = NotificationsIntent.safeParse(Object.fromEntries(await request.formData()));
  if (!parsed.success) throw new Response("Unknown intent", { status: 400 });
  if (parsed.data.intent === "mark-all-read") await markAllNotificationsRead(context.db, user.id);
  else await setEmailEnabled(context.db, user.id, parsed.data.intent === "email-on");
  return redirect("/meddelelser");
}

export default function NotificationsPage() {
  const { notifications, emailOn, unread } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <ListPage title={t("notifications.title")} lead={t("notifications.lead")}>

      <h2>{t("notifications.email.heading")}</h2>
      <Form method="post">
        <p>{emailOn ? t("notifications.email.on") : t("notifications.email.off")}</p>
        <button type="submit" name="intent" value={emailOn ? "email-off" : "email-on"} className="button button-secondary">
          {emailOn ? t("notifications.email.turnOff") : t("notifications.email.turnOn")}
        </button>
      </Form>

      <h2>{t("notifications.title")}</h2>
      {notifications.length === 0 ? (
        <p>{t("notifications.empty")}</p>
      ) : (
        <>
          {unread > 0 ? (
            <Form method="post">
              <button type="submit" name="intent" value="mark-all-read" className="button button-secondary">
                {t("notifications.markAllRead")}
              </button>
            </Form>
          ) : null}
          <ul className="nobullet-list">
            {notifications.map((n) => (
              <li key={n.id} id={`n-${n.id}`}>
                {n.readAt ? null : <strong className="badge badge-small">{t("notifications.unread")}</strong>}{" "}
                {describeNotification(t, { ...n, createdAt: new Date(n.createdAt), readAt: n.readAt ? new Date(n.readAt) : null })}{" "}
                <span className="weight-normal">
                  ({t("notifications.received")} {formatDate(n.createdAt, language)})
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
    </ListPage>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
