// The camera loop: environment-facing camera → <video> → canvas → QR decoder, a few times a second.
// BarcodeDetector where the browser has it (Android Chrome, Safari), jsQR otherwise (Linux Chromium,
// Firefox). Calls `onCode` with every decoded text; de-duplication is the caller's business.

import jsQR from "jsqr";

export interface CameraLoop {
  stop(): void;
}

export type CameraProblem = "unsupported" | "denied" | "not-found" | "other";

export const CAMERA_PROBLEM: Record<CameraProblem, string> = {
  unsupported: "Trình duyệt này không cho dùng camera (cần HTTPS). Hãy nhập mã hoặc tìm theo tên.",
  denied: "Chưa được phép dùng camera. Hãy cho phép camera trong cài đặt trình duyệt rồi bấm “Bật camera”.",
  "not-found": "Không tìm thấy camera trên thiết bị này. Hãy nhập mã hoặc tìm theo tên.",
  other: "Không mở được camera. Hãy thử lại, hoặc nhập mã, tìm theo tên.",
};

const FRAME_INTERVAL_MS = 120;
const MAX_DECODE_WIDTH = 640;

interface Detector {
  detect(source: CanvasImageSource): Promise<Array<{ rawValue: string }>>;
}

async function nativeDetector(): Promise<Detector | null> {
  const Ctor = (
    globalThis as unknown as {
      BarcodeDetector?: { new (o: { formats: string[] }): Detector; getSupportedFormats?: () => Promise<string[]> };
    }
  ).BarcodeDetector;
  if (!Ctor) return null;
  try {
    const formats = (await Ctor.getSupportedFormats?.()) ?? ["qr_code"];
    return formats.includes("qr_code") ? new Ctor({ formats: ["qr_code"] }) : null;
  } catch {
    return null;
  }
}

function problemOf(error: unknown): CameraProblem {
  const name = (error as { name?: string } | null)?.name;
  if (name === "NotAllowedError" || name === "SecurityError") return "denied";
  if (name === "NotFoundError" || name === "OverconstrainedError") return "not-found";
  return "other";
}

export async function startCamera(
  video: HTMLVideoElement,
  onCode: (text: string) => void,
): Promise<{ ok: true; loop: CameraLoop } | { ok: false; problem: CameraProblem }> {
  if (!navigator.mediaDevices?.getUserMedia) return { ok: false, problem: "unsupported" };
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: { ideal: "environment" }, width: { ideal: 1280 }, height: { ideal: 720 } },
    });
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  try {
    await video.play();
  } catch {
    // Autoplay of a muted inline video is allowed; frames still arrive if play() was interrupted.
  }
  const detector = await nativeDetector();
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const tick = async () => {
    if (stopped) return;
    try {
      if (video.readyState >= video.HAVE_CURRENT_DATA && video.videoWidth > 0) {
        let text: string | null = null;
        if (detector) {
          const found = await detector.detect(video);
          text = found[0]?.rawValue ?? null;
        } else if (context) {
          const scale = Math.min(1, MAX_DECODE_WIDTH / video.videoWidth);
          const w = Math.round(video.videoWidth * scale);
          const h = Math.round(video.videoHeight * scale);
          if (canvas.width !== w) canvas.width = w;
          if (canvas.height !== h) canvas.height = h;
          context.drawImage(video, 0, 0, w, h);
          const image = context.getImageData(0, 0, w, h);
          text = jsQR(image.data, w, h, { inversionAttempts: "dontInvert" })?.data ?? null;
        }
        if (text && !stopped) onCode(text);
      }
    } catch {
      // A frame that cannot be read is skipped.
    }
    if (!stopped) timer = setTimeout(tick, FRAME_INTERVAL_MS);
  };
  timer = setTimeout(tick, 0);

  return {
    ok: true,
    loop: {
      stop() {
        stopped = true;
        if (timer) clearTimeout(timer);
        for (const track of stream.getTracks()) track.stop();
        video.srcObject = null;
      },
    },
  };
}
