import { useState, type DragEvent } from 'react';

/** Choose files with the system dialog or drop them here; hands the chosen File objects on. */
export function FileDrop({ onFiles, disabled }: { onFiles: (files: File[]) => void; disabled?: boolean }) {
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    if (!disabled && e.dataTransfer.files.length) onFiles([...e.dataTransfer.files]);
  };
  return (
    <div
      className={`data-drop${over ? ' data-drop-over' : ''}`}
      data-testid="data-drop"
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p>Drop export files here (CSV, TSV, Excel .xlsx, Parquet, JSON), or</p>
      <label className="data-button">
        Choose files…
        <input
          type="file"
          multiple
          className="visually-hidden"
          data-testid="data-file-input"
          disabled={disabled}
          accept=".csv,.tsv,.txt,.xlsx,.xlsm,.parquet,.json,.ndjson,.jsonl"
          onChange={(e) => { const f = [...(e.currentTarget.files ?? [])]; e.currentTarget.value = ''; if (f.length) onFiles(f); }}
        />
      </label>
    </div>
  );
}
