import { describe, expect, test } from "vitest";
import { decideManDown, type ManDownFacts } from "./decide-man-down";

const now = new Date("2026-12-07T10:00:00Z");
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const facts = (over: Partial<ManDownFacts> = {}): ManDownFacts => ({
  still: true,
  pending: null,
  movedSinceAsked: false,
  onShift: true,
  lastCheckInAt: null,
  cancelSeconds: 30,
  stillMinutes: 10,
  now,
  ...over,
});
const asked = (sentS: number, alarmedAt: Date | null = null) => ({
  sentAt: ago(sentS),
  dueAt: ago(sentS - 30),
  alarmedAt,
});

describe("man-down pre-alarm", () => {
  test("a guard found still is asked first, and alarmed at once only when the window is 0", () => {
    expect(decideManDown(facts())).toBe("ask");
    expect(decideManDown(facts({ cancelSeconds: 0 }))).toBe("alarm");
    expect(decideManDown(facts({ still: false }))).toBe("none");
  });

  test("inside the window the check waits; past it without an answer it alarms", () => {
    expect(decideManDown(facts({ pending: asked(10) }))).toBe("wait");
    expect(decideManDown(facts({ pending: asked(30) }))).toBe("alarm");
    // No fresh fixes (the phone went quiet) does not cancel the question.
    expect(decideManDown(facts({ pending: asked(45), still: false }))).toBe("alarm");
  });

  test("a check-in after the question, a move or the end of the shift forgets it", () => {
    expect(decideManDown(facts({ pending: asked(20), lastCheckInAt: ago(5) }))).toBe("forget");
    expect(decideManDown(facts({ pending: asked(60), movedSinceAsked: true }))).toBe("forget");
    expect(decideManDown(facts({ pending: asked(60), onShift: false }))).toBe("forget");
    // A check-in from before the question is no answer.
    expect(decideManDown(facts({ pending: asked(60), lastCheckInAt: ago(120) }))).toBe("alarm");
  });

  test("an 'I'm OK' restarts the stillness window: no new question until still that long again", () => {
    expect(decideManDown(facts({ lastCheckInAt: ago(60) }))).toBe("none");
    expect(decideManDown(facts({ lastCheckInAt: ago(11 * 60) }))).toBe("ask");
  });

  test("once alarmed it stays up while the guard lies still, and is not raised again from a quiet phone", () => {
    expect(decideManDown(facts({ pending: asked(120, ago(60)) }))).toBe("alarm");
    expect(decideManDown(facts({ pending: asked(120, ago(60)), still: false }))).toBe("wait");
  });
});
