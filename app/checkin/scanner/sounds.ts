// Distinct sounds for the three scan results (WebAudio oscillators, no audio files):
// accepted = one short high beep, duplicate = two beeps, rejected = a low buzz.

import type { ScanResultKind } from "#app/checkin/types.ts";

let context: AudioContext | null = null;

function audio(): AudioContext | null {
  if (typeof window === "undefined") return null;
  const Ctor =
    window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof AudioContext }).webkitAudioContext;
  if (!Ctor) return null;
  context ??= new Ctor();
  // Browsers start the context suspended until a user gesture; resume is harmless when running.
  if (context.state === "suspended") void context.resume().catch(() => undefined);
  return context;
}

function tone(
  ctx: AudioContext,
  start: number,
  frequency: number,
  duration: number,
  type: OscillatorType,
  volume: number,
) {
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.type = type;
  osc.frequency.value = frequency;
  gain.gain.setValueAtTime(volume, start);
  gain.gain.exponentialRampToValueAtTime(0.001, start + duration);
  osc.connect(gain).connect(ctx.destination);
  osc.start(start);
  osc.stop(start + duration + 0.02);
}

/** Call from a click handler once, so later sounds may play. */
export function unlockSound() {
  audio();
}

export function playResultSound(kind: ScanResultKind) {
  try {
    const ctx = audio();
    if (!ctx) return;
    const t = ctx.currentTime + 0.01;
    if (kind === "accepted") tone(ctx, t, 1320, 0.12, "sine", 0.3);
    else if (kind === "duplicate") {
      tone(ctx, t, 880, 0.1, "sine", 0.3);
      tone(ctx, t + 0.16, 880, 0.1, "sine", 0.3);
    } else tone(ctx, t, 160, 0.45, "sawtooth", 0.25);
  } catch {
    // No sound is better than a broken scanner.
  }
}
