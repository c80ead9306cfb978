// The name staff give this phone ("Máy quét cổng chính"), shown in results as "bởi máy này (…)".

import { useState } from "react";
import type { Device } from "#app/checkin/scanner/use-device.ts";

export function DeviceName({ device, onSave }: { device: Device; onSave: (name: string) => void }) {
  // null: nothing typed since the last save, the input shows the stored name.
  const [draft, setDraft] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const value = draft ?? device.name;
  return (
    <details className="scanner-section">
      <summary>Máy quét: {device.name || "chưa đặt tên"}</summary>
      <form
        className="scanner-form"
        onSubmit={(e) => {
          e.preventDefault();
          onSave(value);
          setDraft(null);
          setSaved(true);
        }}
      >
        <div className="field">
          <label htmlFor="device-name">Tên máy quét</label>
          <input
            type="text"
            id="device-name"
            value={value}
            maxLength={80}
            placeholder="Máy quét cổng chính"
            onChange={(e) => {
              setDraft(e.target.value);
              setSaved(false);
            }}
          />
        </div>
        <button type="submit">Lưu tên</button>
      </form>
      {saved ? (
        <p className="up small" role="status">
          Đã lưu tên máy quét trên thiết bị này.
        </p>
      ) : null}
      <p className="muted small">Mã thiết bị: {device.id}</p>
    </details>
  );
}
