export { Combobox, type ComboboxProps, type PickerOption } from "./Combobox";
export { SkillPicker, type SkillPickerProps } from "./SkillPicker";
export { OccupationPicker, type OccupationPickerProps } from "./OccupationPicker";
