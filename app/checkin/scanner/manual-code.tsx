// Typed or pasted code, or a hand-held barcode scanner that types like a keyboard and presses Enter.

import { useState, type FormEvent } from "react";

export function ManualCode({ onCode }: { onCode: (text: string) => void }) {
  const [value, setValue] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim()) return;
    onCode(value);
    setValue("");
  };
  return (
    <form className="scanner-section scanner-form" onSubmit={submit} aria-label="Nhập mã">
      <div className="field">
        <label htmlFor="manual-code">Mã trên giấy mời (máy quét cầm tay hoặc dán mã)</label>
        <input
          type="text"
          id="manual-code"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
        />
      </div>
      <button type="submit">Kiểm tra</button>
    </form>
  );
}
