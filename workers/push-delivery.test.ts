import { describe, expect, it } from "vitest";
import { summarizePush } from "./push-delivery";

const sent = (providerId: string | null = null) => ({ outcome: "sent" as const, providerId });
const gone = { outcome: "gone" as const, status: 410 };
const failed = (error = "push service answered 503") => ({ outcome: "failed" as const, error });

describe("summarizing a push to a contact's phones", () => {
  it("a contact with no subscription is skipped, saying why", () => {
    expect(summarizePush([])).toEqual({
      status: "skipped",
      error: "contact has not turned on push notifications on any phone",
    });
  });

  it("one phone reached makes the delivery sent, keeping the push service's message id", () => {
    expect(summarizePush([sent("https://push/m/1")])).toEqual({ status: "sent", providerId: "https://push/m/1" });
    expect(summarizePush([sent(), sent()])).toEqual({ status: "sent", providerId: "2 of 2 phones" });
  });

  it("a partial success is sent (no retry would push twice) and notes the failures and removed subscriptions", () => {
    expect(summarizePush([sent("id"), failed(), gone])).toEqual({
      status: "sent",
      providerId: "id",
      error: "1 phone failed: push service answered 503; 1 expired subscription removed",
    });
  });

  it("only failures are retried; only expired subscriptions are skipped", () => {
    expect(summarizePush([failed("timeout"), gone])).toEqual({
      status: "retry",
      error: "1 phone failed: timeout; 1 expired subscription removed",
    });
    expect(summarizePush([gone, gone])).toEqual({
      status: "skipped",
      error: "every push subscription had expired (2 removed)",
    });
  });
});
