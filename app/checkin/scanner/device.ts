// This scanner's identity, kept in localStorage: a stable random id sent with every scan and a
// name chosen by the staff ("Máy quét cổng chính") shown on screen.

const ID_KEY = "hoinghi.checkin.deviceId";
const NAME_KEY = "hoinghi.checkin.deviceName";
const CAMERA_KEY = "hoinghi.checkin.camera";

function randomId(): string {
  return typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function deviceId(): string {
  try {
    let id = localStorage.getItem(ID_KEY);
    if (!id) {
      id = `scanner-${randomId()}`;
      localStorage.setItem(ID_KEY, id);
    }
    return id;
  } catch {
    return `scanner-${randomId()}`;
  }
}

export function deviceName(): string {
  try {
    return localStorage.getItem(NAME_KEY) ?? "";
  } catch {
    return "";
  }
}

export function setDeviceName(name: string) {
  try {
    localStorage.setItem(NAME_KEY, name.trim().slice(0, 80));
  } catch {
    // Private mode: the name lasts for this page only.
  }
}

/** Whether the staff left the camera on last time: then it opens by itself on the next visit. */
export function cameraWanted(): boolean {
  try {
    return localStorage.getItem(CAMERA_KEY) === "on";
  } catch {
    return false;
  }
}

export function setCameraWanted(on: boolean) {
  try {
    localStorage.setItem(CAMERA_KEY, on ? "on" : "off");
  } catch {
    // Not remembered: the staff taps "Bật camera" again next time.
  }
}
