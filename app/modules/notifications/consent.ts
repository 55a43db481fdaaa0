// The rule for e-mailing a citizen, in one place: only to an address we hold,
// and only while the citizen's consent to e-mail (EMAIL_NOTIFICATIONS) stands.
// canEmailCandidate() in service.server.ts applies it to the stored facts.
export interface CandidateEmailFacts {
  email: string | null;
  /** Consents for EMAIL_NOTIFICATIONS, withdrawn or not. */
  emailConsents: readonly { givenAt: Date; withdrawnAt: Date | null }[];
}

export function mayEmailCandidate(facts: CandidateEmailFacts, now = new Date()): boolean {
  if (!facts.email || !facts.email.includes("@")) return false;
  return facts.emailConsents.some((c) => c.givenAt <= now && (c.withdrawnAt === null || c.withdrawnAt > now));
}
