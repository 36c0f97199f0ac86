"use client";
// One Socket.IO connection per page (session cookie auth). On every
// (re)connect it reloads what it may have missed, since Socket.IO buffers
// nothing for a disconnected browser.
import { useEffect, useState } from "react";
import { io, type Socket } from "socket.io-client";
import { socketEvents, type GuardPositionDto, type ServerToClientEvents } from "@/server/contracts/socket-events";
import type { PositionStore } from "./position-store";

export type ConnectionState = "connecting" | "live" | "reconnecting";

export function useLiveSocket(store: PositionStore): ConnectionState {
  const [state, setState] = useState<ConnectionState>("connecting");
  useEffect(() => {
    const socket: Socket<ServerToClientEvents> = io({ transports: ["websocket"], withCredentials: true });
    let everConnected = false;
    socket.on("connect", () => {
      setState("live");
      if (everConnected) {
        void fetch("/api/v1/positions", { credentials: "same-origin" })
          .then((r) => (r.ok ? (r.json() as Promise<GuardPositionDto[]>) : []))
          .then((positions) => store.upsert(positions));
      }
      everConnected = true;
    });
    socket.on("disconnect", () => setState("reconnecting"));
    socket.on("connect_error", (error) => {
      setState("reconnecting");
      if (error.message === "unauthenticated") window.location.assign("/login");
    });
    socket.on(socketEvents.guardPositions, (positions) => store.upsert(positions));
    return () => {
      socket.close();
    };
  }, [store]);
  return state;
}
