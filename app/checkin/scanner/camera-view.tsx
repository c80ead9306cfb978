// The camera's picture with its aiming frame, the on/off button and the list's counter beside it.

import type { RefObject } from "react";
import { unlockSound } from "#app/checkin/scanner/sounds.ts";
import type { CameraState } from "#app/checkin/scanner/use-camera.ts";
import type { ListCounts } from "#app/checkin/types.ts";

export function CameraView({
  camera,
  videoRef,
  onOpen,
  onStop,
  counts,
  offline,
}: {
  camera: CameraState;
  videoRef: RefObject<HTMLVideoElement>;
  onOpen: () => void;
  onStop: () => void;
  counts: ListCounts;
  offline: boolean;
}) {
  return (
    <>
      <div className={`scanner-camera${camera.state === "on" || camera.state === "starting" ? "" : " off"}`}>
        <video ref={videoRef} muted playsInline aria-label="Hình ảnh từ camera để quét mã QR" />
        {camera.state === "on" ? <div className="camera-frame" aria-hidden="true" /> : null}
        {camera.state !== "on" ? (
          <div className="camera-off">
            {camera.state === "problem"
              ? camera.message
              : camera.state === "starting"
                ? "Đang mở camera…"
                : "Camera đang tắt."}
          </div>
        ) : null}
      </div>
      <div className="scanner-row">
        {camera.state === "on" ? (
          <button type="button" onClick={onStop}>
            Tắt camera
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            disabled={camera.state === "starting"}
            onClick={() => {
              unlockSound();
              onOpen();
            }}
          >
            Bật camera
          </button>
        )}
        <span className="scanner-count" aria-live="polite" data-testid="counts">
          {counts.present} / {counts.expected} đã có mặt
        </span>
        <span className="muted small">
          qua danh sách này: {counts.here}
          {offline ? " · số liệu trước khi mất mạng" : ""}
        </span>
      </div>
    </>
  );
}
