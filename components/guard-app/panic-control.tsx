"use client";
// The panic button with its cancel window (issue 19, item 5): pressing it
// counts down `cancelWindowSeconds` beside a big Cancel; at zero the panic
// goes out (QoS 2, resent until its receipt). Cancel asks for the PIN, which
// goes to the server as a check-in: the same "Cancelled" shows for the normal
// and the duress PIN. Without a PIN within PIN_TIMEOUT_S the panic goes out.
import { useEffect, useRef, useState } from "react";
import { PinPad } from "./pin-pad";

const PIN_TIMEOUT_S = 30;

type Stage =
  | { name: "idle" }
  | { name: "counting"; left: number }
  | { name: "pin"; left: number }
  | { name: "sent" }
  | { name: "cancelled" };

type Props = {
  cancelWindowSeconds: number;
  onPanic: () => void;
  onCancelPin: (pin: string) => void;
  /** The panic's receipt came back: the alarm is in the NOC. */
  panicReceived: boolean;
  /** The server answered the last PIN with wrong_pin (changes on each such answer). */
  wrongPins: number;
};

export function PanicControl({ cancelWindowSeconds, onPanic, onCancelPin, panicReceived, wrongPins }: Props) {
  const [stage, setStage] = useState<Stage>({ name: "idle" });
  // The wrong-PIN answers counted before this cancel: only a later one is about this PIN.
  const [wrongBefore, setWrongBefore] = useState(wrongPins);
  // The parent makes a new onPanic each render; the countdown must not restart with it.
  const panic = useRef(onPanic);
  useEffect(() => {
    panic.current = onPanic;
  });

  useEffect(() => {
    if (stage.name !== "counting" && stage.name !== "pin") return;
    if (stage.left <= 0) {
      panic.current();
      setStage({ name: "sent" });
      return;
    }
    const timer = setTimeout(() => setStage({ ...stage, left: stage.left - 1 }), 1000);
    return () => clearTimeout(timer);
  }, [stage]);

  useEffect(() => {
    if (wrongPins > wrongBefore) setStage((s) => (s.name === "cancelled" ? { name: "pin", left: PIN_TIMEOUT_S } : s));
  }, [wrongPins, wrongBefore]);

  switch (stage.name) {
    case "idle":
      return (
        <button
          type="button"
          className="g-panic"
          onClick={() => setStage({ name: "counting", left: cancelWindowSeconds })}
        >
          PANIC
        </button>
      );
    case "counting":
      return (
        <div className="g-alarm" role="alertdialog" aria-label="Panic countdown">
          <p className="g-countdown">Sending panic in {stage.left} s</p>
          <button
            type="button"
            className="g-cancel"
            onClick={() => {
              setWrongBefore(wrongPins);
              setStage({ name: "pin", left: PIN_TIMEOUT_S });
            }}
          >
            Cancel
          </button>
        </div>
      );
    case "pin":
      return (
        <div className="g-alarm" role="alertdialog" aria-label="Cancel the panic">
          <PinPad
            prompt="Enter your PIN to cancel"
            error={wrongPins > wrongBefore ? "That PIN was not right. Enter it again." : null}
            onPin={(pin) => {
              onCancelPin(pin);
              setStage({ name: "cancelled" });
            }}
          />
          <p className="muted">Without a PIN the panic goes out in {stage.left} s.</p>
        </div>
      );
    case "cancelled":
      return (
        <div className="g-card g-done" role="status">
          <p className="g-big-text">Cancelled</p>
          <button type="button" className="btn" onClick={() => setStage({ name: "idle" })}>
            OK
          </button>
        </div>
      );
    case "sent":
      return (
        <div className="g-alarm" role="status">
          <p className="g-big-text">
            {panicReceived ? "Panic received by the NOC" : "Panic sent: waiting for the NOC…"}
          </p>
          <button type="button" className="btn" onClick={() => setStage({ name: "idle" })}>
            Close
          </button>
        </div>
      );
  }
}
