"use client";
// One Socket.IO connection per page, authenticated by the session cookie.
// Handlers are read through a ref, so callers may pass new functions on every
// render without reconnecting. `onReconnect` runs after every reconnect (not
// the first connect): Socket.IO buffers nothing for a disconnected browser,
// so the page reloads what it may have missed. `onConnect` runs after every
// connect, the first included, for what must not be missed even between the
// page's server render and the first connect.
import { useEffect, useRef, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { socketEvents, type ServerToClientEvents } from "@/server/contracts/socket-events";

export type ConnectionState = "connecting" | "live" | "reconnecting";

export type LiveHandlers = Partial<ServerToClientEvents> & { onConnect?: () => void; onReconnect?: () => void };

type EventName = keyof ServerToClientEvents;

export function useLiveEvents(handlers: LiveHandlers): ConnectionState {
  const [state, setState] = useState<ConnectionState>("connecting");
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });
  useEffect(() => {
    // Retries at most 1 s apart, and at once when the browser says it is back
    // online: a NOC back from a network cut shows what it missed within seconds
    // (a few dozen consoles retrying every second cost the server nothing).
    const socket: Socket<ServerToClientEvents> = io({
      transports: ["websocket"],
      withCredentials: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 1000,
    });
    const reconnectNow = () => {
      if (!socket.connected) socket.disconnect().connect();
    };
    window.addEventListener("online", reconnectNow);
    let everConnected = false;
    socket.on("connect", () => {
      setState("live");
      latest.current.onConnect?.();
      if (everConnected) latest.current.onReconnect?.();
      everConnected = true;
    });
    socket.on("disconnect", (reason) => {
      setState("reconnecting");
      // The server drops a socket whose session ended (then the retry is refused and we go to sign in) or whose
      // user's sites changed (then the retry joins the new sites' rooms); Socket.IO does not retry by itself.
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("connect_error", (error) => {
      setState("reconnecting");
      if (error.message === "unauthenticated") window.location.assign("/login");
    });
    for (const event of Object.values(socketEvents) as EventName[]) {
      // Each event's handler is looked up when it fires, so it is always the newest one.
      socket.on(event, (...args: unknown[]) => {
        const handler = latest.current[event] as ((...a: unknown[]) => void) | undefined;
        handler?.(...args);
      });
    }
    return () => {
      window.removeEventListener("online", reconnectNow);
      socket.close();
    };
  }, []);
  return state;
}
