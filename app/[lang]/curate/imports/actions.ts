"use server";
// The import screens' writes, each a guardedAction: the dry run (reads the file or harvests, plans,
// keeps the plan), the curator's choices on contributor matches, and the real run of the kept plan.
// Rights on the target collection are checked on the server before anything runs, and again by
// the store when the plan is committed.
import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionRefusal, guardedAction } from "@/lib/auth/guard";
import { isLang, LANGS, type Lang } from "@/lib/i18n/config";
import { importMessages } from "@/lib/i18n/messages-import";
import { IMPORT_FORMATS, ImportInputError, ImportOptionsError } from "@/lib/import";
import {
  getStoredImportSummary,
  ImportRefusal,
  mayImportIntoCollection,
  runDryImport,
  runStoredImport,
  saveMatchChoices,
} from "@/lib/import/service";

function refuse(lang: Lang, err: unknown): never {
  const t = importMessages[lang].errors;
  if (err instanceof ImportInputError) {
    throw new ActionRefusal(`${t[err.code]} ${importMessages[lang].detail.replace("{detail}", err.message)}`);
  }
  if (err instanceof ImportRefusal) throw new ActionRefusal(t[err.code] ?? err.message, err.code === "committed" || err.code === "busy" ? 409 : 422);
  if (err instanceof ImportOptionsError) throw new ActionRefusal(t.collection);
  throw err;
}

const ZLang = z.enum(LANGS).catch("en");

const ZStartImport = z.object({
  lang: ZLang,
  source: z.enum(["file", "oai"]).default("file"),
  format: z.enum(["auto", ...IMPORT_FORMATS]).default("auto"),
  collectionId: z.coerce.number().int().positive().max(2_147_483_647),
  file: z.instanceof(File).optional(),
  baseUrl: z.string().trim().max(2000).optional(),
  set: z.string().trim().max(500).optional(),
  onDuplicate: z.enum(["skip", "update"]).default("skip"),
});

export const startImportAction = guardedAction({
  schema: ZStartImport,
  allow: (user, input) => mayImportIntoCollection(user, input.collectionId),
  run: async (input, user) => {
    const t = importMessages[input.lang].errors;
    let stored;
    if (input.source === "oai") {
      if (!input.baseUrl) throw new ActionRefusal(t["no-url"]);
      stored = await runDryImport(user, {
        source: { kind: "oai", baseUrl: input.baseUrl, set: input.set || undefined },
        collectionId: input.collectionId,
        onDuplicate: input.onDuplicate,
      }).catch((err) => refuse(input.lang, err));
    } else {
      if (!input.file || input.file.size === 0) throw new ActionRefusal(input.file ? t.empty : t["no-file"]);
      const file = input.file;
      stored = await runDryImport(user, {
        source: { kind: "file", bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name.slice(0, 300) || "upload", format: input.format },
        collectionId: input.collectionId,
        onDuplicate: input.onDuplicate,
      }).catch((err) => refuse(input.lang, err));
    }
    redirect(`/${input.lang}/curate/imports/${stored.id}`);
  },
});

const ZDecide = z.object({
  lang: ZLang,
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  intent: z.enum(["save", "commit"]),
  status: z.enum(["DRAFT", "PUBLISHED"]).default("DRAFT"),
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  shown: z.array(z.string().max(30)).max(10_000).default([]),
  keep: z.array(z.string().max(30)).max(10_000).default([]),
});

/** Saves the ticks of the page shown, then (intent "commit") runs the import. Answers by redirecting. */
export const decideImportAction = guardedAction({
  schema: ZDecide,
  allow: async (user, input) => {
    const stored = await getStoredImportSummary(user, input.id);
    return stored !== null && (await mayImportIntoCollection(user, stored.collectionId));
  },
  run: async (input, user) => {
    const back = (query: string) => `/${isLang(input.lang) ? input.lang : "en"}/curate/imports/${input.id}${query}`;
    try {
      await saveMatchChoices(user, input.id, input.shown, input.keep);
      if (input.intent === "commit") await runStoredImport(user, input.id, input.status);
    } catch (err) {
      if (err instanceof ImportRefusal) redirect(back(`?error=${err.code}`));
      throw err;
    }
    redirect(back(input.intent === "commit" ? "" : `?page=${input.page}&saved=1`));
  },
});
