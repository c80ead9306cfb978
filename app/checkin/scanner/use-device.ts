// This scanner's identity (device.ts keeps it in localStorage) and the browser's own network flag, read
// as external stores: the server renders "" and online, the browser its own values right after hydration,
// without an effect copying them into state.

import { useCallback, useSyncExternalStore } from "react";
import { deviceId, deviceName, setDeviceName } from "#app/checkin/scanner/device.ts";

const listeners = new Set<() => void>();
let cachedId: string | null = null;
// Without localStorage (private mode) a saved name lasts for this page only.
let pageName = "";

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

// deviceId() invents a new id on every call when localStorage is unavailable: read it once per page.
const storedId = () => (cachedId ??= deviceId());
const storedName = () => deviceName() || pageName;
const serverValue = () => "";

export interface Device {
  id: string;
  name: string;
}

/** This device's id and name, and a setter that stores a new name and re-renders every reader. */
export function useDevice(): [Device, (name: string) => void] {
  const id = useSyncExternalStore(subscribe, storedId, serverValue);
  const name = useSyncExternalStore(subscribe, storedName, serverValue);
  const rename = useCallback((next: string) => {
    setDeviceName(next);
    pageName = next.trim().slice(0, 80);
    for (const listener of listeners) listener();
  }, []);
  return [{ id, name }, rename];
}

/** The id the scans are sent with and the name the result panel says (the values useDevice shows). */
export const currentDeviceId = storedId;
export const currentDeviceName = storedName;

function subscribeOnline(listener: () => void) {
  window.addEventListener("online", listener);
  window.addEventListener("offline", listener);
  return () => {
    window.removeEventListener("online", listener);
    window.removeEventListener("offline", listener);
  };
}

/** navigator.onLine, kept current by the browser's online/offline events; true on the server. */
export function useBrowserOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}
