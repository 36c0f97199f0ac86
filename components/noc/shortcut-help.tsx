"use client";
// The `?` overlay: the NOC's keyboard shortcuts. Esc (use-noc-shortcuts.ts) or Close ends it.
import { useEffect, useRef } from "react";
import { NOC_SHORTCUTS } from "./noc-shortcuts";

export function ShortcutHelp({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="shortcut-backdrop">
      <div className="shortcut-help panel" role="dialog" aria-modal="true" aria-labelledby="shortcut-heading">
        <h2 id="shortcut-heading">Keyboard shortcuts</h2>
        <dl>
          {NOC_SHORTCUTS.map((s) => (
            <div key={s.key}>
              <dt>
                <kbd>{s.key}</kbd>
              </dt>
              <dd>{s.does}</dd>
            </div>
          ))}
        </dl>
        <button ref={close} type="button" className="btn" onClick={onClose}>
          Close
        </button>
      </div>
    </div>
  );
}
