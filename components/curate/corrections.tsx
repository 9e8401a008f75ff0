// Correction requests as the workspace shows them: the proposed values next to the current ones,
// who filed and who decided; for curators, the accept / decline forms.
import Link from "next/link";
import { ActionForm, type ActionFormText } from "@/components/curate/action-form";
import type { CorrectionRequest } from "@/lib/curate/corrections";
import type { Lang } from "@/lib/i18n/config";
import { researchMessages } from "@/lib/i18n/messages-research";
import { decideCorrectionAction } from "@/app/[lang]/curate/me/actions";
import { FIELD } from "./editor-parts";

function show(value: unknown): string {
  if (value === null || value === undefined || value === "") return "—";
  if (Array.isArray(value)) return value.length ? value.join("; ") : "—";
  return String(value);
}

function Changes({ request, lang }: { request: CorrectionRequest; lang: Lang }) {
  const t = researchMessages[lang];
  return (
    <dl className="mt-2 space-y-2 text-sm">
      {Object.entries(request.changes).map(([field, value]) => (
        <div key={field}>
          <dt className="font-medium">{t.fields[field] ?? field}</dt>
          <dd className="mt-0.5 grid gap-1 sm:grid-cols-2">
            <span className="break-words rounded bg-warn/10 px-2 py-1">
              <span className="text-xs text-muted">{t.now}: </span>
              <del className="whitespace-pre-wrap">{show(request.current[field])}</del>
            </span>
            <span className="break-words rounded bg-accent/10 px-2 py-1">
              <span className="text-xs text-muted">{t.proposed}: </span>
              <ins className="whitespace-pre-wrap no-underline">{show(value)}</ins>
            </span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function CorrectionList({ requests, lang, review, itemLinks }: { requests: CorrectionRequest[]; lang: Lang; review?: boolean; itemLinks?: "editor" | "public" }) {
  const t = researchMessages[lang];
  const text: ActionFormText = { saved: t.review.declined, errors: t.errors };
  const dateTime = new Intl.DateTimeFormat(lang === "ko" ? "ko-KR" : "en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });
  return (
    <ul className="space-y-3">
      {requests.map((r) => (
        <li key={r.id} className="rounded-lg border border-line p-3" id={`correction-${r.id}`}>
          <p className="flex flex-wrap items-baseline justify-between gap-2">
            {itemLinks ? (
              <Link href={itemLinks === "editor" ? `/${lang}/curate/items/${r.itemId}` : `/handle/${r.itemHandle}`} prefetch={false} className="font-medium leading-snug">
                {r.itemTitle}
              </Link>
            ) : (
              <span className="font-medium">#{r.id}</span>
            )}
            <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${r.status === "OPEN" ? "bg-accent/10 text-accent" : r.status === "ACCEPTED" ? "bg-line text-ink" : "bg-warn/10 text-warn"}`}>
              {t.requestStatus[r.status]}
            </span>
          </p>
          <p className="text-xs text-muted">
            {t.filedBy.replace("{name}", r.filedBy ?? "—")}, <time dateTime={r.filedAt}>{dateTime.format(new Date(r.filedAt))}</time>
          </p>
          <Changes request={r} lang={lang} />
          {r.comment ? <p className="mt-2 whitespace-pre-wrap break-words text-sm text-muted">“{r.comment}”</p> : null}
          {r.status !== "OPEN" ? (
            <p className="mt-2 text-sm">
              {t.decidedBy.replace("{status}", t.requestStatus[r.status]).replace("{name}", r.decidedBy ?? "—")}
              {r.decidedAt ? (
                <>
                  , <time dateTime={r.decidedAt}>{dateTime.format(new Date(r.decidedAt))}</time>
                </>
              ) : null}
              {r.decisionNote ? <span className="block whitespace-pre-wrap break-words text-muted">{t.reason}: {r.decisionNote}</span> : null}
            </p>
          ) : review ? (
            <div className="mt-3 grid gap-3 sm:grid-cols-2">
              <ActionForm action={decideCorrectionAction} submitLabel={t.review.accept} text={{ ...text, saved: t.review.accepted }}>
                <input type="hidden" name="requestId" value={r.id} />
                <input type="hidden" name="decision" value="accept" />
              </ActionForm>
              <ActionForm action={decideCorrectionAction} submitLabel={t.review.decline} text={text} danger className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="requestId" value={r.id} />
                <input type="hidden" name="decision" value="decline" />
                <label className="w-full text-sm">
                  {t.review.declineReason}
                  <input name="note" required maxLength={5000} className={FIELD} />
                </label>
              </ActionForm>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
