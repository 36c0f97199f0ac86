"use client";
// A read-only value with a Copy button. The Clipboard API needs a secure
// context (https or localhost); elsewhere the value is selected and copied
// with the older execCommand.
import { useRef, useState } from "react";

async function copyText(text: string, fallback: HTMLElement | null): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to selecting the text
  }
  if (!fallback) return false;
  const range = document.createRange();
  range.selectNodeContents(fallback);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  return document.execCommand("copy");
}

export function CopyField({ label, value, testId }: { label: string; value: string; testId?: string }) {
  const valueRef = useRef<HTMLElement>(null);
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const copy = async () => {
    setState((await copyText(value, valueRef.current)) ? "copied" : "failed");
    setTimeout(() => setState("idle"), 2000);
  };
  return (
    <div className="copy-field">
      <span className="copy-label muted">{label}</span>
      <code ref={valueRef} data-testid={testId}>
        {value}
      </code>
      <button type="button" className="btn-ghost btn-small" onClick={copy} aria-label={`Copy ${label}`}>
        {state === "copied" ? "Copied" : state === "failed" ? "Select and copy" : "Copy"}
      </button>
    </div>
  );
}
