/** What the sign-in form shows after an attempt. */
export type SignInState = { error: string | null; email: string };
