export { TextField, TextAreaField, SelectField, CheckboxField, RadioGroupField, type Option } from "./fields";
export { ErrorSummary, useErrorText, useFieldError } from "./errors";
