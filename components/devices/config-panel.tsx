"use client";
// The device's configuration: its versions and, for admins, an editor that
// saves the next version (PUT .../config). A worker publishes it within a
// moment; there is no socket event for that, so the panel asks again a few
// times until the new version shows as published.
import { useState, type FormEvent } from "react";
import type { ConfigDto } from "@/server/contracts/api";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";
import { ConfigVersions } from "./config-versions";
import { parseJsonObject } from "./json-object";

type Props = {
  base: string;
  configs: ConfigDto[];
  canEdit: boolean;
  reload: () => Promise<ConfigDto[]>;
};

async function untilPublished(reload: Props["reload"], version: number): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const configs = await reload();
    if (configs.find((c) => c.version === version)?.publishedAt) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export function ConfigPanel({ base, configs, canEdit, reload }: Props) {
  const [text, setText] = useState(() => JSON.stringify(configs[0]?.config ?? {}, null, 2));
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseJsonObject(text);
    if (!parsed.ok) return setError(parsed.error);
    setPending(true);
    const result = await apiRequest<{ version: number }>(`${base}/config`, {
      method: "PUT",
      body: { config: parsed.value },
    });
    setPending(false);
    if (!result.ok) return setError(result.fields.config ?? result.message);
    setError(undefined);
    await untilPublished(reload, result.data.version);
  };

  return (
    <section className="panel" aria-labelledby="config-heading">
      <h2 id="config-heading">Configuration</h2>
      <ConfigVersions configs={configs} />
      {canEdit && (
        <form className="config-editor" onSubmit={save} noValidate aria-label="Edit configuration">
          <FormField id="config-json" label="Next version (JSON object)" error={error}>
            <textarea
              {...fieldA11y("config-json", error)}
              className="mono"
              rows={6}
              spellCheck={false}
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                if (error) setError(undefined);
              }}
            />
          </FormField>
          <div className="form-actions">
            <button className="btn" type="submit" disabled={pending}>
              {pending ? "Saving…" : "Save and publish"}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
