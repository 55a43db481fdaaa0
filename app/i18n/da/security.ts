export const security = {
};
