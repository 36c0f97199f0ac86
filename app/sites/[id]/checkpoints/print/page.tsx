// /sites/:id/checkpoints/print - a sheet of QR stickers, one per checkpoint
// with its name and code, laid out for the browser's print dialog (A4 or
// Letter, cut along the borders).
import { notFound } from "next/navigation";
import QRCode from "qrcode";
import { requirePageActor } from "@/server/auth/page-auth";
import type { Actor } from "@/server/auth/actor";
import { AppError } from "@/server/observability/app-error";
import { listCheckpoints } from "@/server/presenters/patrols/list-checkpoints";
import { getSite } from "@/server/presenters/sites/list-sites";
import { getRuntime } from "@/server/runtime";
import { PrintButton } from "@/components/sites/print-button";
import "@/app/styles/stickers.css";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function load(actor: Actor, id: string) {
  if (!UUID.test(id)) notFound();
  const { db } = getRuntime();
  try {
    const site = await getSite(db, actor, id);
    return { site, checkpoints: await listCheckpoints(db, actor, id) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function CheckpointStickers({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const { site, checkpoints } = await load(actor, id);
  // The code alone is encoded: what a guard's scanner reads is what the checkpoint uplink carries.
  const stickers = await Promise.all(
    checkpoints.map(async (c) => ({
      ...c,
      svg: await QRCode.toString(c.code, { type: "svg", errorCorrectionLevel: "M", margin: 1 }),
    })),
  );
  return (
    <main className="sticker-sheet">
      <header className="sticker-sheet-header">
        <h1>{site.name}: checkpoint stickers</h1>
        <PrintButton />
      </header>
      {stickers.length === 0 && <p>This site has no checkpoints yet.</p>}
      <ul className="stickers" aria-label="QR stickers">
        {stickers.map((s) => (
          <li key={s.id} className="sticker">
            <div
              className="sticker-qr"
              role="img"
              aria-label={`QR code of ${s.name}`}
              dangerouslySetInnerHTML={{ __html: s.svg }}
            />
            <strong>{s.name}</strong>
            <span className="mono">{s.code}</span>
            <span className="muted">{site.name}</span>
          </li>
        ))}
      </ul>
    </main>
  );
}
