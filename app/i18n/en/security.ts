// Texts of login protection, single sign-on and the security pages.
export const security = {
  login: {
    tooManyAttempts_one: "Too many attempts – try again in {{count}} minute",
    tooManyAttempts_other: "Too many attempts – try again in {{count}} minutes",
    tooManyAttemptsHeading: "You are temporarily blocked from logging in",
    or: "or",
  },
  sso: {
    button: "Log in with MitID Erhverv",
    hint: "For companies: use your employee identity from MitID Erhverv.",
    failedTitle: "Logging in with MitID Erhverv failed",
    failed: "We could not complete the login with MitID Erhverv. Please try again.",
    noUserTitle: "No Jobbro user",
    noUser: "You are logged in at MitID Erhverv, but your identity does not belong to a company user in Jobbro. Ask an administrator in your company to invite you, or contact your jobcentre.",
    backToLogin: "Back to login",
  },
};
