// /forgot-password - ask for a reset link by email (no sign-in). The answer
// is the same whether or not the email has an account.
import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/account/forgot-password-form";
import "../styles/controls.css";

export const metadata: Metadata = { title: "Forgot password" };

export default function ForgotPasswordPage() {
  return (
    <main className="login">
      <ForgotPasswordForm />
    </main>
  );
}
