// A labelled form field with its hint, or its error, right under the input.
// The input itself is the child; give it `{...fieldA11y(id, error)}`.
import type { ReactNode } from "react";

type Props = { id: string; label: string; error?: string | undefined; hint?: ReactNode; children: ReactNode };

export function fieldA11y(id: string, error: string | undefined) {
  return { id, "aria-invalid": error ? true : undefined, "aria-describedby": `${id}-note` } as const;
}

export function FormField({ id, label, error, hint, children }: Props) {
  return (
    <div className="field" data-invalid={error ? "" : undefined}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error ? (
        <span className="field-error" id={`${id}-note`}>
          {error}
        </span>
      ) : (
        <span className="field-hint muted" id={`${id}-note`}>
          {hint}
        </span>
      )}
    </div>
  );
}
