"use client";
// The "Register device" button on the devices page, the form it opens, and
// the new device's credentials, shown once, after it is registered.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { CredentialsOnce } from "../ui/credentials-once";
import { deviceHref } from "./device-table";
import { RegisterDeviceForm, type RegisteredDevice } from "./register-device-form";

type View = { step: "closed" } | { step: "form" } | { step: "done"; device: RegisteredDevice };

export function RegisterDevicePanel() {
  const router = useRouter();
  const [view, setView] = useState<View>({ step: "closed" });

  if (view.step === "closed") {
    return (
      <button className="btn" type="button" onClick={() => setView({ step: "form" })}>
        Register device
      </button>
    );
  }
  return (
    <div className="panel register-panel">
      {view.step === "form" ? (
        <>
          <h2>Register a device</h2>
          <RegisterDeviceForm
            onCancel={() => setView({ step: "closed" })}
            onRegistered={(device) => {
              setView({ step: "done", device });
              router.refresh();
            }}
          />
        </>
      ) : (
        <CredentialsOnce
          title={
            <>
              Registered <Link href={deviceHref(view.device.externalId)}>{view.device.externalId}</Link> (
              {view.device.kind})
            </>
          }
          credentials={view.device}
          onDone={() => setView({ step: "closed" })}
        />
      )}
    </div>
  );
}
