// Texts shared by every form (the error summary, common field errors).
export const forms = {
  errorSummaryHeading: "Der er fejl i formularen",
  save: "Gem",
  cancel: "Annuller",
  required: "Feltet skal udfyldes",
  tooLong: "Teksten er for lang",
  invalidNumber: "Skriv et tal",
  invalidDate: "Skriv en dato som dd-mm-åååå",
  invalidPostalCode: "Skriv et dansk postnummer med fire cifre",
  unknownPostalCode: "Postnummeret findes ikke",
  saved: "Ændringerne er gemt",
  working: "Arbejder …",
};
