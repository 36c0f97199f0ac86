"use client";
// The man-down pre-alarm (`man-down-check` command): the server found the
// guard lying still and asks "Are you OK?" full screen, counting down the
// cancel window. "I'm OK" asks for the PIN, which goes to the server as a
// check-in (the normal and the duress PIN show the same "Thank you"); a wrong
// PIN asks again. Unanswered, the NOC gets the man-down alarm at zero: the
// server decides that, the countdown only tells the guard.
import { useEffect, useState } from "react";
import { PinPad } from "./pin-pad";

type Stage = { name: "asking" } | { name: "pin" } | { name: "answered" };

type Props = {
  /** The window from the command (`cancelSeconds`), counted from its arrival: the phone's clock may be off. */
  cancelSeconds: number;
  onPin: (pin: string) => void;
  /** The server answered a PIN with wrong_pin (changes on each such answer). */
  wrongPins: number;
  onClose: () => void;
};

export function ManDownCheck({ cancelSeconds, onPin, wrongPins, onClose }: Props) {
  const [stage, setStage] = useState<Stage>({ name: "asking" });
  const [left, setLeft] = useState(cancelSeconds);
  const [wrongBefore, setWrongBefore] = useState(wrongPins);

  useEffect(() => {
    if (stage.name === "answered" || left <= 0) return;
    const timer = setTimeout(() => setLeft((n) => n - 1), 1000);
    return () => clearTimeout(timer);
  }, [stage, left]);

  useEffect(() => {
    if (wrongPins > wrongBefore) setStage((s) => (s.name === "answered" ? { name: "pin" } : s));
  }, [wrongPins, wrongBefore]);

  const countdown =
    left > 0 ? `The NOC is alerted in ${left} s unless you answer.` : "No answer: the NOC has been alerted.";
  return (
    <div className="g-fullscreen" role="alertdialog" aria-label="Are you OK?">
      {stage.name === "asking" && (
        <>
          <p className="g-big-text">Are you OK?</p>
          <p className="g-countdown">{countdown}</p>
          <button
            type="button"
            className="g-cancel"
            onClick={() => {
              setWrongBefore(wrongPins);
              setStage({ name: "pin" });
            }}
          >
            I&apos;m OK
          </button>
        </>
      )}
      {stage.name === "pin" && (
        <>
          <PinPad
            prompt="Enter your PIN"
            error={wrongPins > wrongBefore ? "That PIN was not right. Enter it again." : null}
            onPin={(pin) => {
              setWrongBefore(wrongPins);
              onPin(pin);
              setStage({ name: "answered" });
            }}
          />
          <p className="muted">{countdown}</p>
        </>
      )}
      {stage.name === "answered" && (
        <>
          <p className="g-big-text">Thank you</p>
          <button type="button" className="btn g-big" onClick={onClose}>
            OK
          </button>
        </>
      )}
    </div>
  );
}
