"use client";
// "Test this policy": sends a notification starting with TEST to the policy's
// first tier now, and links to the test alert whose page shows what each
// provider answered.
import Link from "next/link";
import { useState } from "react";
import type { PolicyTestDto } from "@/server/contracts/notifications";
import { apiRequest } from "../ui/api-request";

export function PolicyTestButton({ policyId, policyName }: { policyId: string; policyName: string }) {
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<{ sent?: PolicyTestDto; error?: string } | null>(null);
  const send = async () => {
    setPending(true);
    const answer = await apiRequest<PolicyTestDto>(`/api/v1/escalation-policies/${policyId}/test`, { method: "POST" });
    setPending(false);
    setResult(answer.ok ? { sent: answer.data } : { error: answer.message });
  };
  return (
    <>
      <button
        className="btn-ghost btn-small"
        type="button"
        aria-label={`Test policy ${policyName}`}
        disabled={pending}
        onClick={send}
      >
        {pending ? "Sending…" : "Test"}
      </button>
      {result && (
        <p className={result.error ? "error form-wide" : "muted form-wide"} role="status">
          {result.sent ? (
            <>
              Test sent ({result.sent.deliveries} {result.sent.deliveries === 1 ? "delivery" : "deliveries"}).{" "}
              <Link href={`/alerts/${result.sent.alertId}`}>See what was delivered</Link>
            </>
          ) : (
            result.error
          )}
        </p>
      )}
    </>
  );
}
