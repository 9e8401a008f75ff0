"use client";
// A researcher's photo in the workspace: upload or replace (the bytes go to
// POST /api/v1/curate/researchers/{id}/photo, typed by the server from their content) and remove.
// The size limit is checked here first to spare a useless upload, and by the server regardless.
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";

export type PhotoText = {
  current: string;
  none: string;
  choose: string;
  help: string;
  upload: string;
  replace: string;
  remove: string;
  uploading: string;
  uploaded: string;
  removed: string;
  chooseFirst: string;
  errors: Record<string, string>;
};

export function PhotoManager({ researcherId, slug, photoKey, maxBytes, sizeLabel, text }: { researcherId: number; slug: string; photoKey: string | null; maxBytes: number; sizeLabel: string; text: PhotoText }) {
  const router = useRouter();
  const input = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const endpoint = `/api/v1/curate/researchers/${researcherId}/photo`;

  const explain = async (res: Response) => {
    if (res.status === 401) return text.errors.unauthenticated;
    if (res.status === 403) return text.errors.forbidden;
    const body = (await res.json().catch(() => null)) as { code?: string } | null;
    return (text.errors[body?.code ?? ""] ?? text.errors.failed).replace("{size}", sizeLabel);
  };

  const upload = () => {
    const file = input.current?.files?.[0];
    if (!file) return setMessage({ ok: false, text: text.chooseFirst });
    if (file.size > maxBytes) return setMessage({ ok: false, text: text.errors.tooLarge.replace("{size}", sizeLabel) });
    startTransition(async () => {
      setMessage(null);
      const res = await fetch(endpoint, { method: "POST", body: file, headers: { "Content-Type": "application/octet-stream" } }).catch(() => null);
      if (!res) return setMessage({ ok: false, text: text.errors.failed });
      if (!res.ok) return setMessage({ ok: false, text: await explain(res) });
      if (input.current) input.current.value = "";
      setMessage({ ok: true, text: text.uploaded });
      router.refresh();
    });
  };

  const remove = () =>
    startTransition(async () => {
      setMessage(null);
      const res = await fetch(endpoint, { method: "DELETE" }).catch(() => null);
      if (!res) return setMessage({ ok: false, text: text.errors.failed });
      if (!res.ok) return setMessage({ ok: false, text: await explain(res) });
      setMessage({ ok: true, text: text.removed });
      router.refresh();
    });

  return (
    <div className="space-y-3" aria-busy={pending}>
      {photoKey ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={`/media/researchers/${slug}/photo?v=${photoKey.slice(3, 15)}`} alt={text.current} width={96} height={96} className="h-24 w-24 rounded-full border border-line object-cover" data-testid="photo-preview" />
      ) : (
        <p className="text-sm text-muted">{text.none}</p>
      )}
      <div>
        <label htmlFor="photo-file" className="text-sm font-medium">
          {text.choose}
        </label>
        <input
          ref={input}
          id="photo-file"
          type="file"
          accept="image/jpeg,image/png,image/webp"
          aria-describedby="photo-help"
          className="mt-1 block w-full text-sm file:mr-3 file:rounded-lg file:border file:border-line file:bg-surface file:px-3 file:py-1.5 file:text-sm file:text-ink"
        />
        <span id="photo-help" className="mt-1 block text-xs text-muted">
          {text.help.replace("{size}", sizeLabel)}
        </span>
      </div>
      <div className="flex flex-wrap gap-2">
        <button type="button" onClick={upload} disabled={pending} className="rounded-lg border border-line bg-surface px-3 py-1.5 text-sm font-medium text-ink hover:border-accent hover:text-accent disabled:opacity-60">
          {pending ? text.uploading : photoKey ? text.replace : text.upload}
        </button>
        {photoKey ? (
          <button type="button" onClick={remove} disabled={pending} className="rounded-lg border border-warn/50 px-3 py-1.5 text-sm font-medium text-warn hover:bg-warn/10 disabled:opacity-60">
            {text.remove}
          </button>
        ) : null}
      </div>
      <p role="status" aria-live="polite" className={message ? `text-sm ${message.ok ? "text-muted" : "text-warn"}` : "sr-only"}>
        {message?.text}
      </p>
    </div>
  );
}
