// The profile's contact and matching details: personal data, shown only on the audited profile.
import { useTranslation } from "react-i18next";
import { ConceptLabel } from "~/components/ConceptLabel";
import { formatDate } from "~/lib/format";
import { useLanguage } from "~/lib/use-language";
import { shownLabel } from "~/modules/taxonomy/label";
import type { CandidateProfile } from "~/portals/jobcentre/candidate-profile.server";

export function CandidateDetails({ candidate }: { candidate: CandidateProfile["candidate"] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="details-heading">
      <h2 id="details-heading">{t("consultant.profile.detailsHeading")}</h2>
      <dl className="summary-list" data-testid="candidate-details">
        <dt>{t("consultant.candidateForm.email")}</dt>
        <dd>{candidate.email ?? t("consultant.profile.none")}</dd>
        <dt>{t("consultant.candidateForm.phone")}</dt>
        <dd>{candidate.phone ?? t("consultant.profile.none")}</dd>
        <dt>{t("consultant.candidateForm.postalCode")}</dt>
        <dd>
          {candidate.postalCode} {candidate.city}
        </dd>
        <dt>{t("consultant.candidateForm.commuteRadiusKm")}</dt>
        <dd>{t("consultant.profile.km", { count: candidate.commuteRadiusKm })}</dd>
        <dt>{t("consultant.candidateForm.availableFrom")}</dt>
        <dd>{formatDate(candidate.availableFrom, language)}</dd>
        <dt>{t("consultant.candidateForm.hasDrivingLicence")}</dt>
        <dd>{candidate.hasDrivingLicence ? t("consultant.profile.yes") : t("consultant.profile.no")}</dd>
        <dt>{t("consultant.candidateForm.languages")}</dt>
        <dd>{candidate.languages.length ? candidate.languages.map((l) => t(`consultant.languages.${l}` as "consultant.languages.da", { defaultValue: l })).join(", ") : t("consultant.profile.none")}</dd>
        <dt>{t("consultant.candidateForm.skills")}</dt>
        <dd>
          {candidate.skills.length ? (
            <ul className="nobullet-list">
              {candidate.skills.map((s) => (
                <li key={s.id}>
                  <ConceptLabel {...shownLabel(s, language)} />
                </li>
              ))}
            </ul>
          ) : (
            t("consultant.profile.none")
          )}
        </dd>
      </dl>
    </section>
  );
}
