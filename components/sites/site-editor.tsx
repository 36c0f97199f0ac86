"use client";
// The site editor: the map to draw fences on, the site's name and time zone,
// one card per fence, Save (POST for a new site, PUT to replace one) with the
// API's 422 issues shown beside the fence and field they name.
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { useMemo, useState, type FormEvent } from "react";
import type { SiteDto } from "@/server/contracts/sites";
import type { FenceShape } from "../map/fence-shape";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";
import { FenceCard } from "./fence-card";
import {
  hasErrors,
  newFenceDefaults,
  siteBody,
  siteDraft,
  siteErrors,
  type FenceDraft,
  type SiteDraft,
  type SiteErrors,
} from "./site-draft";

const FenceEditorMap = dynamic(() => import("./fence-editor-map").then((m) => m.FenceEditorMap), {
  ssr: false,
  loading: () => (
    <div className="muted" style={{ padding: 16 }}>
      Loading map…
    </div>
  ),
});

const noErrors: SiteErrors = { site: {}, fences: {} };

type Props = { site: SiteDto | null; canEdit: boolean; tileUrl: string | null; timezones: string[] };

export function SiteEditor({ site, canEdit, tileUrl, timezones }: Props) {
  const router = useRouter();
  const [draft, setDraft] = useState<SiteDraft>(() => siteDraft(site, "UTC"));
  const [errors, setErrors] = useState<SiteErrors>(noErrors);
  const [selected, setSelected] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [saved, setSaved] = useState(false);
  const invalid = useMemo(() => new Set(Object.keys(errors.fences)), [errors]);

  const edit = (change: (d: SiteDraft) => SiteDraft) => {
    setDraft(change);
    setSaved(false);
  };
  const editFence = (key: string, patch: Partial<FenceDraft>) =>
    edit((d) => ({ ...d, fences: d.fences.map((f) => (f.key === key ? { ...f, ...patch } : f)) }));
  const removeFence = (key: string) => edit((d) => ({ ...d, fences: d.fences.filter((f) => f.key !== key) }));
  const addFence = (shape: FenceShape) => {
    const key = `new-${crypto.randomUUID()}`;
    edit((d) => ({
      ...d,
      fences: [...d.fences, { key, id: null, name: `Fence ${d.fences.length + 1}`, shape, ...newFenceDefaults }],
    }));
    setSelected(key);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    const result = await apiRequest<SiteDto>(site ? `/api/v1/sites/${site.id}` : "/api/v1/sites", {
      method: site ? "PUT" : "POST",
      body: siteBody(draft),
    });
    setPending(false);
    if (!result.ok) {
      setErrors(siteErrors(result.fields, draft.fences, result.message));
      return;
    }
    setErrors(noErrors);
    if (!site) {
      router.replace(`/sites/${result.data.id}`);
      return;
    }
    setDraft(siteDraft(result.data, "UTC"));
    setSelected(null);
    setSaved(true);
    router.refresh();
  };

  const remove = async () => {
    if (!site || !window.confirm(`Delete the site “${site.name}” with its fences and assignments?`)) return;
    const result = await apiRequest(`/api/v1/sites/${site.id}`, { method: "DELETE" });
    if (!result.ok) return setErrors({ site: { form: result.message }, fences: {} });
    router.push("/sites");
    router.refresh();
  };

  return (
    <form className="site-editor" onSubmit={save} noValidate aria-label="Site">
      <div className="site-map map-wrap" data-testid="site-map">
        <FenceEditorMap
          fences={draft.fences}
          selected={selected}
          invalid={invalid}
          canEdit={canEdit}
          tileUrl={tileUrl}
          onCreate={addFence}
          onShape={(key, shape) => editFence(key, { shape })}
          onRemove={removeFence}
          onSelect={setSelected}
        />
      </div>
      <div className="site-side panel">
        <div className="form-grid">
          <FormField id="site-name" label="Site name" error={errors.site.name}>
            <input
              {...fieldA11y("site-name", errors.site.name)}
              value={draft.name}
              disabled={!canEdit}
              onChange={(e) => edit((d) => ({ ...d, name: e.target.value }))}
              autoComplete="off"
            />
          </FormField>
          <FormField
            id="site-timezone"
            label="Time zone"
            error={errors.site.timezone}
            hint="IANA name; shifts and schedules are in it"
          >
            <input
              {...fieldA11y("site-timezone", errors.site.timezone)}
              value={draft.timezone}
              list="timezones"
              disabled={!canEdit}
              onChange={(e) => edit((d) => ({ ...d, timezone: e.target.value }))}
              autoComplete="off"
            />
          </FormField>
          <datalist id="timezones">
            {timezones.map((tz) => (
              <option key={tz} value={tz} />
            ))}
          </datalist>
        </div>
        <h2>Fences ({draft.fences.length})</h2>
        {draft.fences.length === 0 && (
          <p className="muted fence-empty">
            {canEdit
              ? "Draw a polygon, rectangle or circle with the tools on the map."
              : "This site has no fences yet."}
          </p>
        )}
        <ol className="fence-list">
          {draft.fences.map((fence, index) => (
            <FenceCard
              key={fence.key}
              fence={fence}
              number={index + 1}
              selected={fence.key === selected}
              errors={errors.fences[fence.key] ?? {}}
              canEdit={canEdit}
              onChange={(patch) => editFence(fence.key, patch)}
              onRemove={() => removeFence(fence.key)}
              onSelect={() => setSelected(fence.key)}
            />
          ))}
        </ol>
        {errors.site.form && (
          <p className="error" role="alert">
            {errors.site.form}
          </p>
        )}
        {hasErrors(errors) && !errors.site.form && (
          <p className="error" role="alert">
            Not saved: see the fields marked in red.
          </p>
        )}
        {canEdit && (
          <div className="form-actions site-actions">
            <button className="btn" type="submit" disabled={pending}>
              {pending ? "Saving…" : site ? "Save" : "Create site"}
            </button>
            {saved && (
              <span className="muted" role="status">
                Saved
              </span>
            )}
            <span className="spacer" />
            {site && (
              <button className="btn-ghost btn-danger-ghost" type="button" onClick={remove}>
                Delete site
              </button>
            )}
          </div>
        )}
      </div>
    </form>
  );
}
