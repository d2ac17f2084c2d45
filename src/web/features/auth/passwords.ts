/** The server's rule (src/server/http/schemas.ts Password), checked early so forms can say so. */
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters.`;
