export const citizen = {
};
