// Texts of login protection, single sign-on and the security pages.
export const security = {
  login: {
    tooManyAttempts_one: "For mange forsøg – prøv igen om {{count}} minut",
    tooManyAttempts_other: "For mange forsøg – prøv igen om {{count}} minutter",
    tooManyAttemptsHeading: "Du er midlertidigt spærret for at logge på",
    or: "eller",
  },
  sso: {
    button: "Log på med MitID Erhverv",
    hint: "For virksomheder: brug din medarbejderidentitet fra MitID Erhverv.",
    failedTitle: "Log på med MitID Erhverv mislykkedes",
    failed: "Vi kunne ikke gennemføre log på med MitID Erhverv. Prøv igen.",
    noUserTitle: "Ingen bruger i Jobbro",
    noUser: "Du er logget på hos MitID Erhverv, men din identitet hører ikke til en virksomhedsbruger i Jobbro. Bed en administrator i din virksomhed om at invitere dig, eller kontakt dit jobcenter.",
    backToLogin: "Tilbage til log på",
  },
};
