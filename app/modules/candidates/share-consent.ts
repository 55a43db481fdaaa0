// The one rule for revealing who a candidate is to a company: a company learns a
// candidate's name and contact details only while the candidate's consent to
// share with that specific company (SHARE_WITH_COMPANY, companyId) stands.
// Everything else a company sees is the pseudonymous skills card.
export interface ShareConsentFacts {
  purpose: "MATCHING" | "SHARE_WITH_COMPANY" | "EMAIL_NOTIFICATIONS";
  companyId: string | null;
  givenAt: Date;
  withdrawnAt: Date | null;
}

export function mayShareWithCompany(consents: readonly ShareConsentFacts[], companyId: string, now = new Date()): boolean {
  return consents.some(
    (c) =>
      c.purpose === "SHARE_WITH_COMPANY" &&
      c.companyId === companyId &&
      c.givenAt <= now &&
      (c.withdrawnAt === null || c.withdrawnAt > now),
  );
}
