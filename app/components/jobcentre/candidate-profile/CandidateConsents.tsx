// The candidate's consents, each withdrawable while active, and the form that records a new one.
import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SelectField, TextField } from "~/components/form";
import { formatDate } from "~/lib/format";
import { useLanguage } from "~/lib/use-language";
import type { CandidateProfile } from "~/portals/jobcentre/candidate-profile.server";
import { CONSENT_CHANNEL_CHOICES, CONSENT_PURPOSE_CHOICES, ConsentFormSchema } from "~/portals/jobcentre/schema";

type LastResult = SubmissionResult<string[]> | null | undefined;

export function CandidateConsents({
  consents,
  companies,
  lastResult,
}: {
  consents: CandidateProfile["candidate"]["consents"];
  companies: CandidateProfile["companies"];
  lastResult: LastResult;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const companyName = new Map(companies.map((c) => [c.id, c.name]));
  return (
    <section aria-labelledby="consents" id="consents-section">
      <h2 id="consents">{t("consultant.consents.heading")}</h2>
      <p>{t("consultant.consents.lead")}</p>
      {consents.length === 0 ? (
        <p>{t("consultant.consents.empty")}</p>
      ) : (
        <div className="table--responsive-scroll">
          <table className="table" data-testid="consents">
            <thead>
              <tr>
                <th scope="col">{t("consultant.consents.columns.purpose")}</th>
                <th scope="col">{t("consultant.consents.columns.company")}</th>
                <th scope="col">{t("consultant.consents.columns.channel")}</th>
                <th scope="col">{t("consultant.consents.columns.givenAt")}</th>
                <th scope="col">{t("consultant.consents.columns.withdrawnAt")}</th>
                <th scope="col">{t("consultant.consents.columns.action")}</th>
              </tr>
            </thead>
            <tbody>
              {consents.map((c) => (
                <tr key={c.id} data-consent-id={c.id} data-active={c.active}>
                  <th scope="row">{t(`consultant.consentPurpose.${c.purpose}`)}</th>
                  <td>{c.companyId ? (companyName.get(c.companyId) ?? "–") : "–"}</td>
                  <td>{t(`consultant.consentChannel.${c.channel}`)}</td>
                  <td>{formatDate(c.givenAt, language)}</td>
                  <td>{c.withdrawnAt ? formatDate(c.withdrawnAt, language) : t("consultant.consents.active")}</td>
                  <td>
                    {c.active ? (
                      <Form method="post">
                        <input type="hidden" name="intent" value="withdrawConsent" />
                        <input type="hidden" name="consentId" value={c.id} />
                        <button
                          type="submit"
                          className="button button-secondary button-small"
                          aria-label={t("consultant.consents.withdrawLabel", { purpose: t(`consultant.consentPurpose.${c.purpose}`) })}
                        >
                          {t("consultant.consents.withdraw")}
                        </button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConsentForm companies={companies} lastResult={lastResult} />
    </section>
  );
}

function ConsentForm({ companies, lastResult }: { companies: { id: string; name: string }[]; lastResult: LastResult }) {
  const { t } = useTranslation();
  const [form, fields] = useForm({
    id: "consent",
    lastResult,
    constraint: getZodConstraint(ConsentFormSchema),
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: ConsentFormSchema }),
  });
  const labels = {
    purpose: t("consultant.consents.purpose"),
    channel: t("consultant.consents.channel"),
    givenAt: t("consultant.consents.givenAt"),
    companyId: t("consultant.consents.company"),
  };
  return (
    <Form method="post" {...getFormProps(form)} noValidate className="card card-body">
      <h3>{t("consultant.consents.recordHeading")}</h3>
      <input type="hidden" name="intent" value="recordConsent" />
      <ErrorSummary form={form} fields={(Object.keys(labels) as (keyof typeof labels)[]).map((k) => ({ field: fields[k], label: labels[k] }))} />
      <SelectField
        field={fields.purpose}
        label={labels.purpose}
        placeholder=""
        options={CONSENT_PURPOSE_CHOICES.map((p) => ({ value: p, label: t(`consultant.consentPurpose.${p}`) }))}
      />
      <SelectField
        field={fields.companyId}
        label={labels.companyId}
        hint={t("consultant.consents.companyHint")}
        placeholder={t("consultant.consents.companyNone")}
        options={companies.map((c) => ({ value: c.id, label: c.name }))}
      />
      <SelectField
        field={fields.channel}
        label={labels.channel}
        placeholder=""
        options={CONSENT_CHANNEL_CHOICES.map((c) => ({ value: c, label: t(`consultant.consentChannel.${c}`) }))}
      />
      <TextField field={fields.givenAt} label={labels.givenAt} hint={t("consultant.consents.givenAtHint")} type="date" />
      <button type="submit" className="button button-primary">
        {t("consultant.consents.record")}
      </button>
    </Form>
  );
}
