// This scanner's identity, kept in localStorage: a stable random id sent with every scan and a
// name chosen by the staff ("Máy quét cổng chính") shown on screen.

const ID_KEY = "hoinghi.checkin.deviceId";
const NAME_KEY = "hoinghi.checkin.deviceName";

function randomId(): string {
  return typeof crypto.randomUUID === "function" ? crypto.randomUUID() : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
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
