/**
 * What the sign-in form shows after an attempt. `challenge`: the password was right and the account has a second
 * factor; the form asks for the code and sends the challenge back with it.
 */
export type SignInState = { error: string | null; email: string; challenge?: string };
