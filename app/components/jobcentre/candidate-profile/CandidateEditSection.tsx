// The candidate form, filled in with the profile as it is.
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { CandidateForm } from "~/components/jobcentre/CandidateForm";
import type { PickerOption } from "~/components/pickers";
import { useLanguage } from "~/lib/use-language";
import { shownLabel } from "~/modules/taxonomy/label";
import type { CandidateProfile } from "~/portals/jobcentre/candidate-profile.server";

export function CandidateEditSection({
  candidate,
  lastResult,
  skillOptions,
}: {
  candidate: CandidateProfile["candidate"];
  lastResult: SubmissionResult<string[]> | null | undefined;
  /** The skills of a rejected submission, to show them again. */
  skillOptions: PickerOption[] | undefined;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading">{t("consultant.candidateForm.editHeading")}</h2>
      <CandidateForm
        mode="edit"
        lastResult={lastResult}
        skillOptions={skillOptions}
        defaults={{
          firstName: candidate.firstName,
          lastName: candidate.lastName,
          email: candidate.email,
          phone: candidate.phone,
          postalCode: candidate.postalCode,
          commuteRadiusKm: candidate.commuteRadiusKm,
          availableFrom: candidate.availableFrom,
          hasDrivingLicence: candidate.hasDrivingLicence,
          languages: candidate.languages,
          desiredHoursPerWeek: candidate.desiredHoursPerWeek,
          status: candidate.status,
          skills: candidate.skills.map((s) => ({ id: s.id, ...shownLabel(s, language) })),
          experience: candidate.occupations.map((o) => ({ occupation: { id: o.occupationId, ...shownLabel(o, language) }, years: o.years })),
        }}
      />
    </section>
  );
}
