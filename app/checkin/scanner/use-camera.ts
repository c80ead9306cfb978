// The scanner's camera: opened by a tap on "Bật camera" (or by itself when it was left on last time on
// this device), read by the decoder loop, every decoded text handed to `onCode`.

import { useCallback, useEffect, useRef, useState } from "react";
import { CAMERA_PROBLEM, startCamera, type CameraLoop } from "#app/checkin/scanner/decoder.ts";
import { cameraWanted, setCameraWanted } from "#app/checkin/scanner/device.ts";

export type CameraState = { state: "off" | "starting" | "on" } | { state: "problem"; message: string };

export function useCamera(onCode: (text: string) => void) {
  const [camera, setCamera] = useState<CameraState>({ state: "off" });
  const videoRef = useRef<HTMLVideoElement>(null);
  const loopRef = useRef<CameraLoop | null>(null);

  const stop = useCallback(() => {
    setCameraWanted(false);
    loopRef.current?.stop();
    loopRef.current = null;
    setCamera({ state: "off" });
  }, []);

  const open = useCallback(async () => {
    const video = videoRef.current;
    if (!video || loopRef.current) return;
    setCamera({ state: "starting" });
    const started = await startCamera(video, onCode);
    if (started.ok) {
      setCameraWanted(true);
      loopRef.current = started.loop;
      setCamera({ state: "on" });
    } else setCamera({ state: "problem", message: CAMERA_PROBLEM[started.problem] });
  }, [onCode]);

  // The first time a tap on "Bật camera" asks for the camera; after that it opens by itself on this
  // device until the staff turns it off.
  useEffect(() => {
    if (cameraWanted()) void open();
    return () => {
      loopRef.current?.stop();
      loopRef.current = null;
    };
  }, [open]);

  return { camera, videoRef, open, stop };
}
