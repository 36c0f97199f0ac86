"use client";
// The site's patrol checkpoints: their names, codes and points; admins and
// managers add, edit and remove them, and print a sheet of QR stickers.
import Link from "next/link";
import { useState } from "react";
import type { CheckpointDto } from "@/server/contracts/patrols";
import { apiRequest } from "../ui/api-request";
import { CheckpointForm } from "./checkpoint-form";

type Props = { siteId: string; initial: CheckpointDto[]; canEdit: boolean };

const byName = (a: CheckpointDto, b: CheckpointDto) => a.name.localeCompare(b.name);

export function SiteCheckpoints({ siteId, initial, canEdit }: Props) {
  const [checkpoints, setCheckpoints] = useState(initial);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const saved = (checkpoint: CheckpointDto) => {
    setEditing(null);
    setCheckpoints((current) => [...current.filter((c) => c.id !== checkpoint.id), checkpoint].sort(byName));
  };

  const remove = async (checkpoint: CheckpointDto) => {
    setError(null);
    const result = await apiRequest(`/api/v1/sites/${siteId}/checkpoints/${checkpoint.id}`, { method: "DELETE" });
    if (!result.ok) return setError(result.message);
    setCheckpoints((current) => current.filter((c) => c.id !== checkpoint.id));
  };

  return (
    <section className="panel site-assignments" aria-labelledby="checkpoints-heading">
      <div className="page-header">
        <h2 id="checkpoints-heading">Patrol checkpoints ({checkpoints.length})</h2>
        {checkpoints.length > 0 && (
          <Link href={`/sites/${siteId}/checkpoints/print`} className="btn-ghost btn-small" target="_blank">
            Print QR stickers
          </Link>
        )}
      </div>
      {checkpoints.length === 0 ? (
        <p className="muted">No checkpoints yet: add the places a patrol must visit.</p>
      ) : (
        <ul className="assignment-list" aria-label="Checkpoints">
          {checkpoints.map((c) =>
            editing === c.id ? (
              <li key={c.id} data-checkpoint={c.id}>
                <CheckpointForm siteId={siteId} editing={c} onSaved={saved} onCancel={() => setEditing(null)} />
              </li>
            ) : (
              <li key={c.id} data-checkpoint={c.id}>
                <span className="assignment-guard">{c.name}</span>
                <span className="assignment-shifts">
                  <span className="mono">{c.code}</span>
                  {c.lat !== null && c.lon !== null && (
                    <span className="muted">
                      {" "}
                      · {c.lat.toFixed(5)}, {c.lon.toFixed(5)}
                      {c.radiusM !== null && ` within ${c.radiusM} m`}
                    </span>
                  )}
                </span>
                {canEdit && (
                  <span>
                    <button
                      type="button"
                      className="btn-ghost btn-small"
                      onClick={() => setEditing(c.id)}
                      aria-label={`Edit ${c.name}`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="btn-ghost btn-small btn-danger-ghost"
                      onClick={() => remove(c)}
                      aria-label={`Remove ${c.name}`}
                    >
                      Remove
                    </button>
                  </span>
                )}
              </li>
            ),
          )}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {canEdit && <CheckpointForm siteId={siteId} onSaved={saved} />}
    </section>
  );
}
