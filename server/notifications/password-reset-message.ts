// The email with a password reset link.
export function passwordResetEmail(link: string): { subject: string; text: string } {
  return {
    subject: "Choose a new Vigil password",
    text: [
      "Someone (you, or an admin of your organisation) asked for a new password for your Vigil account.",
      "",
      `Choose one here: ${link}`,
      "",
      "The link works once, for 30 minutes. If you did not ask for it, ignore this email: your password stays as it is.",
    ].join("\n"),
  };
}
