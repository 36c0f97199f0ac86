import { redirect } from "next/navigation";
import { LoginForm } from "@/components/ui/login-form";
import { currentActor } from "@/server/http/page-auth";
import { signIn } from "../session-actions";

export const dynamic = "force-dynamic";

export default async function LoginPage() {
  if (await currentActor()) redirect("/");
  return (
    <main className="login">
      <LoginForm action={signIn} />
    </main>
  );
}
