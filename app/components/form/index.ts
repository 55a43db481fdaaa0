export { TextField, NumberField, PostalCodeField, TextAreaField, SelectField, Checkbox, CheckboxField, CheckboxGroupField, RadioGroupField, FieldMessages, FormGroup, type Option } from "./fields";
export { ErrorSummary, summaryFields, useErrorText, useFieldError, usePickerBinding } from "./errors";
export { ValidatedForm } from "./ValidatedForm";
