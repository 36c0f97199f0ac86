"use client";
// The guard's PIN, asked to cancel an alarm. The normal PIN and the duress
// PIN look the same here and on every screen after: the server tells them
// apart and raises the silent duress alert, the phone never shows which.
import { useEffect, useRef, useState } from "react";

type Props = { prompt: string; onPin: (pin: string) => void; error?: string | null };

export function PinPad({ prompt, onPin, error }: Props) {
  const [pin, setPin] = useState("");
  const input = useRef<HTMLInputElement>(null);
  // The PIN is all this screen asks for: the keyboard opens at once.
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      className="g-pin"
      aria-label="PIN"
      onSubmit={(event) => {
        event.preventDefault();
        if (pin.length === 0) return;
        onPin(pin);
        setPin("");
      }}
    >
      <label htmlFor="g-pin-input">{prompt}</label>
      <input
        id="g-pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        maxLength={12}
        value={pin}
        onChange={(e) => setPin(e.target.value.replace(/\D/g, ""))}
        ref={input}
      />
      {error && <p role="alert">{error}</p>}
      <button type="submit" className="btn g-big">
        Confirm
      </button>
    </form>
  );
}
