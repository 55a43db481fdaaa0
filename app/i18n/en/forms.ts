// Texts shared by every form (the error summary, common field errors).
export const forms = {
  errorSummaryHeading: "There are errors in the form",
  save: "Save",
  cancel: "Cancel",
  required: "This field is required",
  tooLong: "The text is too long",
  invalidNumber: "Enter a number",
  invalidDate: "Enter a date as dd-mm-yyyy",
  invalidPostalCode: "Enter a Danish postcode of four digits",
  unknownPostalCode: "The postcode does not exist",
  saved: "The changes have been saved",
  working: "Working …",
};
