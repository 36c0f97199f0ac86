// A device's recent commands, newest first, each with its progress:
// queued -> sent -> received -> done (or failed / expired).
import type { CommandDto } from "@/server/contracts/api";
import { RelativeTime } from "../ui/relative-time";

const steps = ["queued", "sent", "received", "done"] as const;
const tone: Record<CommandDto["status"], string | undefined> = {
  queued: undefined,
  sent: "info",
  received: "info",
  done: "ok",
  failed: "danger",
  expired: "warn",
};

function reached(status: CommandDto["status"]): number {
  if (status === "failed" || status === "expired") return -1;
  return steps.indexOf(status);
}

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? "";
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function Command({ command: c }: { command: CommandDto }) {
  const at = reached(c.status);
  return (
    <li className="command" data-command={c.id}>
      <div className="command-head">
        <span className="mono command-type">{c.type}</span>
        <span className="badge" data-tone={tone[c.status]} data-testid="command-status">
          {c.status}
        </span>
        <span className="spacer" />
        <span className="muted small">
          <RelativeTime iso={c.createdAt} />
        </span>
      </div>
      <ol className="steps" aria-label="Progress">
        {steps.map((step, i) => (
          <li key={step} data-reached={at >= i || (at === -1 && i === 0) ? "" : undefined}>
            {step}
          </li>
        ))}
        {at === -1 && <li data-final={c.status}>{c.status}</li>}
      </ol>
      <div className="command-detail muted small">
        <code>{brief(c.params)}</code>
        {c.result !== null && c.result !== undefined && (
          <span>
            {" "}
            → <code>{brief(c.result)}</code>
          </span>
        )}
      </div>
    </li>
  );
}

export function CommandList({ commands }: { commands: CommandDto[] }) {
  if (commands.length === 0) return <p className="muted">No commands sent yet.</p>;
  return (
    <ul className="command-list" aria-label="Commands">
      {commands.map((c) => (
        <Command key={c.id} command={c} />
      ))}
    </ul>
  );
}
