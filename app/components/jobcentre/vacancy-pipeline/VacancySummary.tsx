// The vacancy as the consultant works it: company, place, start, hours and skills asked for.
import { useTranslation } from "react-i18next";
import { ConceptLabels } from "~/components/ConceptLabel";
import { formatDate } from "~/lib/format";
import { useLanguage } from "~/lib/use-language";
import type { VacancyPipeline } from "~/modules/pipeline/service.server";
import { shownLabel } from "~/modules/taxonomy/label";

export function VacancySummary({ vacancy }: { vacancy: VacancyPipeline["vacancy"] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const required = vacancy.skills.filter((s) => s.requirement === "REQUIRED").map((s) => shownLabel(s.skill, language));
  const nice = vacancy.skills.filter((s) => s.requirement === "NICE_TO_HAVE").map((s) => shownLabel(s.skill, language));
  return (
    <dl className="summary-list">
      <dt>{t("consultant.vacancy.company")}</dt>
      <dd>{vacancy.organisation.name}</dd>
      <dt>{t("consultant.vacancy.place")}</dt>
      <dd>
        {vacancy.postalCode} {vacancy.city}
      </dd>
      <dt>{t("consultant.vacancy.start")}</dt>
      <dd>{formatDate(vacancy.startDate, language)}</dd>
      <dt>{t("consultant.vacancy.hours")}</dt>
      <dd>{vacancy.hoursPerWeek}</dd>
      <dt>{t("consultant.vacancy.positions")}</dt>
      <dd>{vacancy.positions}</dd>
      <dt>{t("consultant.vacancy.requiredSkills")}</dt>
      <dd>
        <ConceptLabels labels={required} />
      </dd>
      <dt>{t("consultant.vacancy.niceSkills")}</dt>
      <dd>
        <ConceptLabels labels={nice} />
      </dd>
    </dl>
  );
}
