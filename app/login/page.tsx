import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/ui/login-form";
import { currentActor, homePath } from "@/server/auth/page-auth";
import { signIn } from "../session-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage() {
  const actor = await currentActor();
  if (actor) redirect(homePath(actor.role));
  return (
    <main className="login">
      <LoginForm action={signIn} />
    </main>
  );
}
