// How a listed document's file is described to invitees and operators ("PDF · 2 KB"): one rule for the
// React section and the edge's string of it.

export const documentSize = (size: number | null) =>
  size === null ? "" : `${Math.max(1, Math.round(size / 1024))} KB`;

export const documentKind = (fileName: string | null) => (fileName?.split(".").pop() ?? "").toUpperCase();
