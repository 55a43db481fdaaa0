// The company's colleagues, and (for an ADMIN) inviting one by e-mail. The mail
// is sent before the page answers; if the SMTP server refuses it the invitation
// is withdrawn and the form says so, so no invitation exists that nobody got.
import { useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data";
import { ListPage } from "~/components/ListPage";
import { SuccessNotice } from "~/components/notices";
import { TextField, ValidatedForm } from "~/components/form";
import { isLanguage } from "~/i18n/config";
import { InvalidInputError } from "~/lib/errors";
import { invitationMail } from "~/portals/company/invitation-mail";
import { createInvitation, listMembers, listPendingInvitations, revokeInvitation } from "~/portals/company/invitations.server";
import { InviteSchema } from "~/portals/company/registration-schema";
import { requireRole } from "~/modules/auth/guards.server";
import { getEnv } from "~/lib/env.server";
import { formatDate } from "~/lib/format";
import { createLogger } from "~/lib/logger.server";
import { createMailer } from "~/lib/mailer.server";
import { pageTitle, translator } from "~/lib/meta";
import { useLanguage } from "~/lib/use-language";
import { readFormData } from "~/lib/form-body.server";

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, "company.colleagues.title");

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireRole(request, "COMPANY");
  const db = context.db;
  const [members, pending] = await Promise.all([listMembers(db, user.organisation.id), listPendingInvitations(db, user.organisation.id)]);
  return {
    isAdmin: user.membershipRole === "ADMIN",
    members,
    pending: user.membershipRole === "ADMIN" ? pending.map((p) => ({ ...p, expiresAt: p.expiresAt.toISOString() })) : [],
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireRole(request, "COMPANY");
  if (user.membershipRole !== "ADMIN") throw new Response("Forbidden", { status: 403 });
  const submission = parseWithZod(await readFormData(request), { schema: InviteSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), invited: null }, { status: 400 });
  const db = context.db;
  let invitation;
  try {
    invitation = await createInvitation(db, { organisationId: user.organisation.id, userId: user.id, membershipRole: user.membershipRole }, submission.value.email);
  } catch (error) {
    if (error instanceof InvalidInputError && error.fields) {
      return data({ result: submission.reply({ fieldErrors: { email: [error.fields.email ?? "company.colleagues.errors.alreadyMember"] } }), invited: null }, { status: 400 });
    }
    throw error;
  }
  const t = translator(isLanguage(user.locale) ? user.locale : "da");
  const mailer = createMailer();
  try {
    await mailer.send(
      invitationMail(t, {
        to: submission.value.email,
        link: `${getEnv().APP_URL}/invitation/${invitation.token}`,
        organisation: user.organisation.name,
        inviter: user.name,
      }),
    );
  } catch (error) {
    await revokeInvitation(db, user.organisation.id, invitation.id);
    createLogger("invitations").warn({ invitationId: invitation.id, err: (error as Error).message }, "invitation e-mail not sent");
    return data({ result: submission.reply({ formErrors: ["company.colleagues.errors.mailFailed"] }), invited: null }, { status: 503 });
  } finally {
    mailer.close();
  }
  return { result: submission.reply({ resetForm: true }), invited: submission.value.email };
}

export default function Colleagues() {
  const { isAdmin, members, pending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const { t } = useTranslation();
  const language = useLanguage();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(InviteSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: InviteSchema }),
  });
  return (
    <ListPage title={t("company.colleagues.title")} lead={t("company.colleagues.lead")}>
      <DataTable
        rows={members}
        rowKey={(member) => member.id}
        label={t("company.colleagues.title")}
        columns={[
          { header: t("company.colleagues.columns.name"), rowHeader: true, sort: { key: "name", value: (member) => member.name }, cell: (member) => member.name },
          { header: t("company.colleagues.columns.email"), sort: { key: "email", value: (member) => member.email }, cell: (member) => member.email },
          {
            header: t("company.colleagues.columns.role"),
            sort: { key: "role", value: (member) => t(`company.colleagues.role.${member.role}`) },
            cell: (member) => t(`company.colleagues.role.${member.role}`),
          },
        ]}
      />

      <h2>{t("company.colleagues.inviteHeading")}</h2>
      {isAdmin ? (
        <>
          <p>{t("company.colleagues.inviteLead")}</p>
          <SuccessNotice>{actionData?.invited ? t("company.colleagues.invited", { email: actionData.invited }) : null}</SuccessNotice>
          <ValidatedForm form={form} summary={[{ field: fields.email, label: t("company.colleagues.email") }]}>
            <TextField field={fields.email} type="email" label={t("company.colleagues.email")} autoComplete="off" />
            <button type="submit" className="button button-primary" disabled={navigation.state === "submitting"}>
              {navigation.state === "submitting" ? t("forms.working") : t("company.colleagues.invite")}
            </button>
          </ValidatedForm>
          {pending.length > 0 ? (
            <>
              <h3>{t("company.colleagues.pendingHeading")}</h3>
              <ul>
                {pending.map((invitation) => (
                  <li key={invitation.id}>
                    {invitation.email} – {t("company.colleagues.expires", { date: formatDate(invitation.expiresAt, language) })}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : (
        <p>{t("company.colleagues.onlyAdmins")}</p>
      )}
    </ListPage>
  );
}

export { RouteErrorBoundary as ErrorBoundary } from "~/components/ErrorPage";
