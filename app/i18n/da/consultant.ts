export const consultant = {
};
